/** Demo for variant r-null-keeps-leftovers: returns null at once when there is no MANIFEST, leaving the first install's log and temporary manifest behind */
import * as base from '../base/compaction';
import * as variant from '../r-null-keeps-leftovers/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("r-null-keeps-leftovers", "On a disk with no manifest (a new one, or one whose first install never finished), return `null`, after removing whatever that install left.", base, variant, (impl: Impl): unknown => {
  // The very first install of an empty disk dies just before its rename (a process crash: the disk keeps everything).
  const storage = new SimStorage();
  const dying = watched(storage, (method) => {
    if (method === 'rename') throw new Error('crash');
  });
  try {
    LsmTree.open(dying, impl, SMALL);
  } catch {
    /* the process died */
  }
  const filesBefore = storage.list();

  const recovered = impl.recover(storage);
  return { filesBefore, recovered, filesAfter: storage.list() };
});
