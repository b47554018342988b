import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../serialize-handrolled/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => { const c = C.from([['a\\b', 1]]); const s = c.serialize(); return `${s} json-equal=${s === JSON.stringify(c.entries())} roundtrip=${attempt(() => C.deserialize(s).compare(c))}`; });
const b = scenario(Base);
const v = scenario(Variant);
report("serialize-handrolled", "[VC-1.15, VC-1.16] `JSON.stringify(c.entries())`, e.g. `[[\"a\",2],[\"b\",1]]`; the empty clock is `[]`", "c = from([['a\\\\b', 1]]) (id with a backslash): serialize() === JSON.stringify(entries())? round-trip?", b, v);
