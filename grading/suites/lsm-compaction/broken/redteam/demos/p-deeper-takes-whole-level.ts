/** Demo for variant p-deeper-takes-whole-level: from a deeper level takes every table of the level, as for L0 */
import * as base from '../base/compaction';
import * as variant from '../p-deeper-takes-whole-level/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-deeper-takes-whole-level", "From a deeper level, one table, your choice.", base, variant, (impl: Impl): unknown => {
  const v: Version = { levels: [[], [meta(2, 'a', 'c', 300), meta(3, 'd', 'f', 300), meta(4, 'g', 'i', 300)], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  return impl.pickCompaction(v, SMALL)?.inputs.map((t) => t.file);
});
