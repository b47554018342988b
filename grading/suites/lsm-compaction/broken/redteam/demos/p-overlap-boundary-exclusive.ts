/** Demo for variant p-overlap-boundary-exclusive: hand-written overlap test with strict inequalities: a next-level table that touches the inputs' range at exactly one boundary key is left out */
import * as base from '../base/compaction';
import * as variant from '../p-overlap-boundary-exclusive/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-overlap-boundary-exclusive", "Every table of `level + 1` whose range meets the key range of the inputs (`keyRange`, `overlapping`), in that level's order, so that the outputs can take their place without overlapping anything.", base, variant, (impl: Impl): unknown => {
  const v: Version = { levels: [[meta(9, 'd', 'f'), meta(8, 'd', 'e'), meta(7, 'd', 'e')], [meta(2, 'a', 'b'), meta(3, 'f', 'h')], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  return impl.pickCompaction(v, SMALL)?.overlapping.map((t) => t.file);
});
