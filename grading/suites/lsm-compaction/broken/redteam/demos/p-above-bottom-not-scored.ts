/** Demo for variant p-above-bottom-not-scored: off-by-one loop bound: the level just above the bottom is never scored, so it grows past its target */
import * as base from '../base/compaction';
import * as variant from '../p-above-bottom-not-scored/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-above-bottom-not-scored", "Each level from L1 to the one above the bottom scores its total bytes / `levelTarget(options, level)`.", base, variant, (impl: Impl): unknown => {
  // L2 (above the bottom L3) holds 3000 bytes, target 600 * 3 = 1800.
  const v: Version = { levels: [[], [], [meta(2, 'a', 'c', 1500), meta(3, 'd', 'f', 1500)], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  return impl.pickCompaction(v, SMALL)?.level ?? null;
});
