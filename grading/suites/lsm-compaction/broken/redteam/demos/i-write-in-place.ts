/** Demo for variant i-write-in-place: rewrites MANIFEST in place (write, sync, syncDirectory) instead of write-temp/sync/rename */
import * as base from '../base/compaction';
import * as variant from '../i-write-in-place/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("i-write-in-place", "a crash at any call inside it leaves the previous version or this one, never a torn mix, and once it returns, this one survives any crash.", base, variant, (impl: Impl): unknown => {
  return crashSweep(impl, 'random', 3);
});
