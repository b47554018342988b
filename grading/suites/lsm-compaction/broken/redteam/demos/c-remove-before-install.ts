/** Demo for variant c-remove-before-install: removes the input and overlapping files before installing the new version */
import * as base from '../base/compaction';
import * as variant from '../c-remove-before-install/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-remove-before-install", "Only then remove the input and overlapping files.", base, variant, (impl: Impl): unknown => {
  return crashSweep(impl, 'process');
});
