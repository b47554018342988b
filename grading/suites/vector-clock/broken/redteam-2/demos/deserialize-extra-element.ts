import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../deserialize-extra-element/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => C.deserialize('[["a",1,"x"]]').serialize());
const b = scenario(Base);
const v = scenario(Variant);
report("deserialize-extra-element", "[VC-1.19] `deserialize` rejects text that is not JSON, JSON that is not an array, an element that is not a `[string, number]` pair, and a counter or a duplicate node that `from` rejects.", "deserialize('[[\"a\",1,\"x\"]]')", b, v);
