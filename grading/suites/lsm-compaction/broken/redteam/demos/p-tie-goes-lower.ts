/** Demo for variant p-tie-goes-lower: >= instead of > when keeping the best score: a tie goes to the deeper level */
import * as base from '../base/compaction';
import * as variant from '../p-tie-goes-lower/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-tie-goes-lower", "Compact the level with the highest score if that score is at least 1, a tie going to the upper level; if no score reaches 1, return `null`.", base, variant, (impl: Impl): unknown => {
  const o = { ...SMALL, l0Trigger: 4, baseLevelBytes: 400 };
  const v: Version = { levels: [[meta(9, 'a', 'b'), meta(8, 'a', 'b'), meta(7, 'a', 'b'), meta(6, 'a', 'b')], [meta(2, 'a', 'c'), meta(3, 'd', 'f'), meta(4, 'g', 'h'), meta(5, 'i', 'j')], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  // L0: 4 / 4 = 1; L1: 400 bytes / 400 = 1: a tie.
  return impl.pickCompaction(v, o)?.level;
});
