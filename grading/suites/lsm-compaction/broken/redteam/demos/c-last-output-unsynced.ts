/** Demo for variant c-last-output-unsynced: syncs each output when the next one starts, so the last output table is never synced before the manifest names it */
import * as base from '../base/compaction';
import * as variant from '../c-last-output-unsynced/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-last-output-unsynced", "write each with `writeTable` and **sync** it.", base, variant, (impl: Impl): unknown => {
  return crashSweep(impl, 'worst');
});
