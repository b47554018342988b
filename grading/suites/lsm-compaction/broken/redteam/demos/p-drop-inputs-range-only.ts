/** Demo for variant p-drop-inputs-range-only: checks the deeper levels against the inputs' key range only, not inputs plus overlapping */
import * as base from '../base/compaction';
import * as variant from '../p-drop-inputs-range-only/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-drop-inputs-range-only", "The range of both, not of the inputs alone: the overlapping tables are merged too, and their tombstones end up in the outputs.", base, variant, (impl: Impl): unknown => {
  // inputs b..c; L1 overlapping a..d; L2 holds a..a: it meets a..d (inputs + overlapping), not b..c.
  const v: Version = { levels: [[meta(9, 'b', 'c'), meta(8, 'b', 'c'), meta(7, 'b', 'c')], [meta(2, 'a', 'd')], [meta(3, 'a', 'a')], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  return impl.pickCompaction(v, SMALL)?.dropTombstones;
});
