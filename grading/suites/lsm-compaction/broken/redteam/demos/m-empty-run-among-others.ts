/** Demo for variant m-empty-run-among-others: handles "no runs or only empty runs" with an early return but still pushes a cursor for an empty run among non-empty ones, which throws */
import * as base from '../base/compaction';
import * as variant from '../m-empty-run-among-others/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("m-empty-run-among-others", "Sorted by key, exactly one entry per key that appears in any run: its newest version, a value or a tombstone, returned as it is.", base, variant, (impl: Impl): unknown => {
  return impl.mergeRuns([[], [put('a', 1, 'x')]], false);
});
