/** Demo for variant r-keeps-stale-logs: never removes .log files, so the old log of a flush interrupted after its install outlives the restart */
import * as base from '../base/compaction';
import * as variant from '../r-keeps-stale-logs/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("r-keeps-stale-logs", "removes every file that version does not need: tables it does not list (the outputs of a compaction that was never installed, the inputs of one that was), logs other than `version.log`, and leftovers of an install that did not finish", base, variant, (impl: Impl): unknown => {
  // A flush dies (process crash) just after its install, before the engine removes the old log.
  const storage = new SimStorage();
  let armed = false;
  const dying = watched(storage, (method) => {
    if (armed && method === 'remove') throw new Error('crash');
  });
  const tree = LsmTree.open(dying, impl, { ...SMALL, memtableBytes: 1e9 });
  tree.put('a', '1');
  armed = true;
  try {
    tree.flush();
  } catch {
    /* died */
  }
  const v = impl.recover(storage)!;
  return { log: v.log, filesAfterRecover: storage.list() };
});
