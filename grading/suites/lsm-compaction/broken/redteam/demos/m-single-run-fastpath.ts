/** Demo for variant m-single-run-fastpath: a one-run fast path copies the run and forgets to drop its tombstones */
import * as base from '../base/compaction';
import * as variant from '../m-single-run-fastpath/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("m-single-run-fastpath", "When true, a key whose newest version is a tombstone is left out altogether, and its older versions with it: they are deleted.", base, variant, (impl: Impl): unknown => {
  return impl.mergeRuns([[put('a', 1, 'x'), del('b', 2)]], true);
});
