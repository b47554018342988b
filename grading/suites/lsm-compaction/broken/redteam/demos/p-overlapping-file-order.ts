/** Demo for variant p-overlapping-file-order: returns the right overlapping tables sorted by file number (age) instead of in the level's key order */
import * as base from '../base/compaction';
import * as variant from '../p-overlapping-file-order/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-overlapping-file-order", "Every table of `level + 1` whose range meets the key range of the inputs (`keyRange`, `overlapping`), in that level's order, so that the outputs can take their place without overlapping anything.", base, variant, (impl: Impl): unknown => {
  // L1 in key order: a..c is the newer file (000009), d..f the older (000003).
  const v: Version = { levels: [[meta(12, 'b', 'e'), meta(11, 'b', 'e'), meta(10, 'b', 'e')], [meta(9, 'a', 'c'), meta(3, 'd', 'f')], [], []], nextFile: 13, lastSeq: 9, log: '000001.log' };
  return impl.pickCompaction(v, SMALL)?.overlapping.map((t) => t.file);
});
