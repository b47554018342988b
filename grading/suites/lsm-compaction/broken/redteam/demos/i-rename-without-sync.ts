/** Demo for variant i-rename-without-sync: renames the temporary manifest over MANIFEST without syncing it first */
import * as base from '../base/compaction';
import * as variant from '../i-rename-without-sync/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("i-rename-without-sync", "That file must be durable *before* the rename: otherwise the rename can reach the disk without the data, and a crash leaves `MANIFEST` naming a torn or empty file, old and new versions both gone", base, variant, (impl: Impl): unknown => {
  return crashSweep(impl, 'worst');
});
