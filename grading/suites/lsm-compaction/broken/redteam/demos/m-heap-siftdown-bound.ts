/** Demo for variant m-heap-siftdown-bound: heap sift-down ignores a right child that is the last element of the heap (off-by-one bound): wrong order with 3+ runs */
import * as base from '../base/compaction';
import * as variant from '../m-heap-siftdown-bound/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("m-heap-siftdown-bound", "Sorted by key, exactly one entry per key that appears in any run: its newest version, a value or a tombstone, returned as it is.", base, variant, (impl: Impl): unknown => {
  return impl.mergeRuns([[put('a', 1, 'a1')], [put('b', 2, 'b1')], [put('a', 3, 'a2'), put('b', 4, 'b2')]], false).map((e) => `${e.key}@${e.seq}`);
});
