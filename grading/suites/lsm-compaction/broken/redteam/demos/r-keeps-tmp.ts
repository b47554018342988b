/** Demo for variant r-keeps-tmp: leaves a temporary manifest of an unfinished install on disk (it is one of "your manifest files") */
import * as base from '../base/compaction';
import * as variant from '../r-keeps-tmp/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("r-keeps-tmp", "and leftovers of an install that did not finish, such as a temporary manifest, which may be torn and must never be read as the truth.", base, variant, (impl: Impl): unknown => {
  // A second install dies just before its rename (process crash), leaving MANIFEST.tmp.
  const storage = new SimStorage();
  let armed = false;
  const dying = watched(storage, (method) => {
    if (armed && method === 'rename') throw new Error('crash');
  });
  const tree = LsmTree.open(dying, impl, { ...SMALL, memtableBytes: 1e9 });
  tree.put('a', '1');
  armed = true;
  try {
    tree.flush();
  } catch {
    /* died */
  }
  impl.recover(storage);
  return storage.list();
});
