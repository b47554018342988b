import { VectorClock as Base } from '../base/vector-clock.ts';
import { VectorClock as Variant } from '../entries-codepoint-sort/vector-clock.ts';
import { attempt, report } from './_lib.ts';

const scenario = (C: any): string => attempt(() => { const s = C.from([['\uffff', 1], ['🦀', 1]]).serialize(); return `${s === JSON.stringify([['🦀', 1], ['\uffff', 1]]) ? 'crab first' : 'U+FFFF first'}`; });
const b = scenario(Base);
const v = scenario(Variant);
report("entries-codepoint-sort", "[VC-1.14, VC-1.15] Plain `<` order on node ids compares UTF-16 code units, as `Array.prototype.sort()` does: `'B' < 'a'`, and `'\\uffff'` sorts after `'🦀'`. Not `localeCompare`.", "from([['\\uffff', 1], ['🦀', 1]]).serialize() vs JSON.stringify of the UTF-16-sorted pairs", b, v);
