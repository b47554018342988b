import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../increment-stops-one-short/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => C.from([['a', Number.MAX_SAFE_INTEGER - 1]]).increment('a').get('a'));
const b = scenario(Base);
const v = scenario(Variant);
report("increment-stops-one-short", "[VC-1.10] Counters are safe integers from 0 to `Number.MAX_SAFE_INTEGER` (2⁵³ − 1), both included.", "from([[a, MAX_SAFE_INTEGER - 1]]).increment('a')", b, v);
