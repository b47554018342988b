/** Demo for variant i-syncdir-only-first-install: syncs the directory only on the first install, assuming a rename over an existing MANIFEST needs no directory sync */
import * as base from '../base/compaction';
import * as variant from '../i-syncdir-only-first-install/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("i-syncdir-only-first-install", "and once it returns, this one survives any crash.", base, variant, (impl: Impl): unknown => {
  // An acknowledged write after a flush, then the worst crash.
  const storage = new SimStorage();
  const tree = LsmTree.open(storage, impl, SMALL);
  tree.put('a', '1');
  tree.flush();
  tree.put('b', '2'); // acknowledged: appended to the new log and synced
  const reopened = LsmTree.open(storage.durableCopy(), impl, SMALL);
  return { a: reopened.get('a'), b: reopened.get('b') };
});
