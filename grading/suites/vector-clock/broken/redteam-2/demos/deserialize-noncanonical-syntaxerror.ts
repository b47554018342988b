import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../deserialize-noncanonical-syntaxerror/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => C.deserialize('[["b",1],["a",2]]').serialize());
const b = scenario(Base);
const v = scenario(Variant);
report("deserialize-noncanonical-syntaxerror", "[VC-1.20, VC-0.1] Text that `serialize` would never write but that passes those checks — a zero counter, pairs out of order, spaces, a counter spelled `1e0` or `1.0`, an id written with `\\u` escapes — is left open: `deserialize` may read it as the clock `from` builds from those pairs, or reject it with a `RangeError`; nothing else.", "deserialize('[[\"b\",1],[\"a\",2]]') (pairs out of order): a clock, or a RangeError?", b, v);
