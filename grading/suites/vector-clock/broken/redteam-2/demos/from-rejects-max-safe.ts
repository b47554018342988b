import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../from-rejects-max-safe/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => C.from([['a', Number.MAX_SAFE_INTEGER]]).serialize());
const b = scenario(Base);
const v = scenario(Variant);
report("from-rejects-max-safe", "[VC-1.17, VC-1.10] `from` rejects a counter that is not a safe integer ≥ 0 (negative, fractional, `NaN`, ±`Infinity`, above `Number.MAX_SAFE_INTEGER`) with a message naming the node.", "from([[a, MAX_SAFE_INTEGER]])", b, v);
