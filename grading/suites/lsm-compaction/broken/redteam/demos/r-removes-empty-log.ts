/** Demo for variant r-removes-empty-log: treats the version's empty log as garbage and removes it, so the engine's next append recreates it under a name no directory sync has made durable */
import * as base from '../base/compaction';
import * as variant from '../r-removes-empty-log/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("r-removes-empty-log", "Afterwards only the version's tables, its log and your manifest file(s) (at most two, named neither `*.sst` nor `*.log`) remain.", base, variant, (impl: Impl): unknown => {
  // Clean restart with an empty log, one acknowledged write, then the worst crash.
  const storage = new SimStorage();
  const tree = LsmTree.open(storage, impl, SMALL);
  tree.put('a', '1');
  tree.flush();
  const again = LsmTree.open(storage, impl, SMALL); // restart: recover
  again.put('b', '2'); // acknowledged
  const reopened = LsmTree.open(storage.durableCopy(), impl, SMALL);
  return { a: reopened.get('a'), b: reopened.get('b') };
});
