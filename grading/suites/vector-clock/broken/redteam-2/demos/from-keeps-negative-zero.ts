import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../from-keeps-negative-zero/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => { const c = C.from([['a', -0]]); return `entries ${c.entries().length}, serialize ${c.serialize()}`; });
const b = scenario(Base);
const v = scenario(Variant);
report("from-keeps-negative-zero", "[VC-1.8, VC-1.14] zero counters are dropped: a node at 0 and a missing node are the same clock", "from([[a, -0]]): entries().length and serialize()", b, v);
