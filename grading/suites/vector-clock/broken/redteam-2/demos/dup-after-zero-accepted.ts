import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../dup-after-zero-accepted/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => C.from([['a', 0], ['a', 3]]).serialize());
const b = scenario(Base);
const v = scenario(Variant);
report("dup-after-zero-accepted", "[VC-1.18] It rejects a node listed twice (even at 0), naming the node", "from([[a, 0], [a, 3]])", b, v);
