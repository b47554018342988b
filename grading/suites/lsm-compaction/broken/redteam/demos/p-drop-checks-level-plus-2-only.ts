/** Demo for variant p-drop-checks-level-plus-2-only: looks only at level + 2, not at every level below the output: an older value in L3 is uncovered by an L0->L1 compaction */
import * as base from '../base/compaction';
import * as variant from '../p-drop-checks-level-plus-2-only/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-drop-checks-level-plus-2-only", "True only if no level below `level + 1` has a table whose range meets the key range of the inputs and `overlapping` together.", base, variant, (impl: Impl): unknown => {
  // L0 -> L1 compaction; L2 is empty; L3 (the bottom) holds a table in range.
  const v: Version = { levels: [[meta(9, 'b', 'c'), meta(8, 'b', 'c'), meta(7, 'b', 'c')], [], [], [meta(3, 'a', 'z')]], nextFile: 10, lastSeq: 9, log: '000001.log' };
  return impl.pickCompaction(v, SMALL)?.dropTombstones;
});
