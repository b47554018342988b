/** Demo for variant p-overlap-per-input: takes the next-level tables that meet some input's own range, missing a table that lies in a gap between L0 inputs but inside their combined range */
import * as base from '../base/compaction';
import * as variant from '../p-overlap-per-input/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-overlap-per-input", "Every table of `level + 1` whose range meets the key range of the inputs (`keyRange`, `overlapping`), in that level's order, so that the outputs can take their place without overlapping anything.", base, variant, (impl: Impl): unknown => {
  // L0 inputs a..b and x..z (range a..z); L1 holds m..n, in the gap between them.
  const v: Version = { levels: [[meta(9, 'a', 'b'), meta(8, 'x', 'z'), meta(7, 'a', 'b')], [meta(2, 'm', 'n')], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  return impl.pickCompaction(v, SMALL)?.overlapping.map((t) => t.file);
});
