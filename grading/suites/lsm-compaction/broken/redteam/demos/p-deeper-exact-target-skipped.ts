/** Demo for variant p-deeper-exact-target-skipped: a deeper level is a candidate only when its bytes exceed its target, so a level exactly at target (score 1) is never compacted */
import * as base from '../base/compaction';
import * as variant from '../p-deeper-exact-target-skipped/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-deeper-exact-target-skipped", "Compact the level with the highest score if that score is at least 1, a tie going to the upper level; if no score reaches 1, return `null`.", base, variant, (impl: Impl): unknown => {
  const o = { ...SMALL, baseLevelBytes: 200 };
  const v: Version = { levels: [[], [meta(2, 'a', 'c'), meta(3, 'd', 'f')], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  // L1: 200 bytes / target 200 = score exactly 1.
  const c = impl.pickCompaction(v, o);
  return c && { level: c.level, inputs: c.inputs.length };
});
