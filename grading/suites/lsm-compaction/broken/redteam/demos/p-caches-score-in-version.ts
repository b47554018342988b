/** Demo for variant p-caches-score-in-version: caches the best score on the version object it was given (LevelDB keeps compaction_score_ in Version) */
import * as base from '../base/compaction';
import * as variant from '../p-caches-score-in-version/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-caches-score-in-version", "Do not modify `version`.", base, variant, (impl: Impl): unknown => {
  const v: Version = { levels: [[meta(9, 'a', 'b')], [], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const before = JSON.stringify(v);
  impl.pickCompaction(v, SMALL);
  return { versionUnchanged: JSON.stringify(v) === before, keys: Object.keys(v) };
});
