/** Demo for variant m-sorts-runs-in-place: sorts the caller's array of runs in place (newest run first); the output is still right */
import * as base from '../base/compaction';
import * as variant from '../m-sorts-runs-in-place/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("m-sorts-runs-in-place", "The runs and their entries are not modified.", base, variant, (impl: Impl): unknown => {
  const older = [put('a', 1, 'a1')];
  const newer = [put('b', 5, 'b1')];
  const runs = [older, newer];
  const result = impl.mergeRuns(runs, false);
  return { result, runsAfter: runs.map((r) => r[0]!.key), stillSameOrder: runs[0] === older };
});
