/** Demo for variant m-skip-tombstone-takes-older: a dropped tombstone is not remembered as the key already seen, so the next (older) version of the key is emitted: resurrection */
import * as base from '../base/compaction';
import * as variant from '../m-skip-tombstone-takes-older/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("m-skip-tombstone-takes-older", "When true, a key whose newest version is a tombstone is left out altogether, and its older versions with it: they are deleted.", base, variant, (impl: Impl): unknown => {
  return impl.mergeRuns([[del('k', 4)], [put('k', 2, 'old')]], true);
});
