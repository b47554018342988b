/** Demo for variant m-utf8-byte-order: orders keys by UTF-8 bytes (code point order, LevelDB bytewise) instead of UTF-16 code units: differs only for supplementary characters vs U+E000..U+FFFF */
import * as base from '../base/compaction';
import * as variant from '../m-utf8-byte-order/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("m-utf8-byte-order", "Keys compare as `compareKeys` does, by UTF-16 code unit like JavaScript's `<` on strings, not by locale: `\"Z\"` comes before `\"a\"`.", base, variant, (impl: Impl): unknown => {
  // U+FFFF is one code unit 0xFFFF; U+1F600 is the surrogate pair D83D DE00, so "😀" < "\uFFFF" by UTF-16.
  return impl.mergeRuns([[put('\uFFFF', 1, 'bmp')], [put('😀', 2, 'astral')]], false).map((e) => e.key);
});
