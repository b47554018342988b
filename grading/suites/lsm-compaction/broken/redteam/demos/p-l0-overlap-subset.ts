/** Demo for variant p-l0-overlap-subset: L0 inputs are the newest table and the L0 tables overlapping it, without expanding transitively, so an older overlapping L0 table stays above a newer version moved to L1 */
import * as base from '../base/compaction';
import * as variant from '../p-l0-overlap-subset/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-l0-overlap-subset", "From L0, all of its tables: they overlap each other, and newer ones shadow older ones.", base, variant, (impl: Impl): unknown => {
  // A tree whose L0 holds, newest first: [a..c], [c..e] (e = new), [e..g] (e = old). [a..c] does not meet [e..g].
  const o = { ...SMALL, memtableBytes: 1e9, l0Trigger: 3 };
  const tree = LsmTree.open(new SimStorage(), impl, o);
  tree.put('e', 'old'); tree.put('g', 'g'); tree.flush();
  tree.put('c', 'c'); tree.put('e', 'new'); tree.flush();
  tree.put('a', 'a'); tree.put('c', 'c2'); tree.flush(); // third table: L0 reaches the trigger
  return { l0AfterCompaction: tree.version.levels[0]!.length, getE: tree.get('e') };
});
