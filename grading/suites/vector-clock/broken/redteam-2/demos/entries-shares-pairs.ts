import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../entries-shares-pairs/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => { const c = C.from([['a', 1]]); c.entries(); const e = c.entries(); e[0]![1] = 99; return c.serialize(); });
const b = scenario(Base);
const v = scenario(Variant);
report("entries-shares-pairs", "[VC-1.4] `entries()` returns a new array of new pairs at every call, the caller's to change", "c = {a:1}; e = c.entries(); e[0][1] = 99; then c.serialize()", b, v);
