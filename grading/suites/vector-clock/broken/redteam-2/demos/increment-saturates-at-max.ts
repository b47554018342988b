import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../increment-saturates-at-max/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => C.from([['a', Number.MAX_SAFE_INTEGER]]).increment('a').get('a'));
const b = scenario(Base);
const v = scenario(Variant);
report("increment-saturates-at-max", "[VC-1.10] `increment` of a counter already at `Number.MAX_SAFE_INTEGER` is left open: it may throw a `RangeError` naming the node, or return the clock with that counter one higher, 2⁵³ (which `from` and `deserialize` would then reject); nothing else.", "from([[a, MAX_SAFE_INTEGER]]).increment('a')", b, v);
