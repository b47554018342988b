/** Demo for variant m-empty-string-is-tombstone: tests the tombstone with a falsy check, so an empty-string value is dropped like a tombstone */
import * as base from '../base/compaction';
import * as variant from '../m-empty-string-is-tombstone/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("m-empty-string-is-tombstone", "Only `value === null` is a tombstone; the empty string is a value.", base, variant, (impl: Impl): unknown => {
  return impl.mergeRuns([[put('k', 3, '')], [put('k', 1, 'old')]], true);
});
