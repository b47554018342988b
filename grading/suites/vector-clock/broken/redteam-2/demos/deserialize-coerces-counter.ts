import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../deserialize-coerces-counter/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => C.deserialize('[["a","3"]]').serialize());
const b = scenario(Base);
const v = scenario(Variant);
report("deserialize-coerces-counter", "[VC-1.19] `deserialize` rejects text that is not JSON, JSON that is not an array, an element that is not a `[string, number]` pair, and a counter or a duplicate node that `from` rejects.", "deserialize('[[\"a\",\"3\"]]')", b, v);
