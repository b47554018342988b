/** Demo for variant m-run-order-wins: breaks key ties by run position (first run wins, as if runs came newest first like L0) instead of by highest seq */
import * as base from '../base/compaction';
import * as variant from '../m-run-order-wins/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("m-run-order-wins", "The runs come in no particular order: newer runs are not first. The newest version of a key is the one with the highest `seq`, in whichever run it is.", base, variant, (impl: Impl): unknown => {
  return impl.mergeRuns([[put('a', 1, 'old')], [put('a', 5, 'new')]], false);
});
