/** Demo for variant p-drop-includes-next-level: counts the output level itself as "below", so dropTombstones is false whenever there are overlapping tables, and tombstones are never purged at the bottom */
import * as base from '../base/compaction';
import * as variant from '../p-drop-includes-next-level/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-drop-includes-next-level", "after a full compaction into the bottom level, the disk holds each live key once and no tombstone: at most 1.1× the bytes of the live data", base, variant, (impl: Impl): unknown => {
  // levels = 3: L1 over target compacts into L2, the bottom, where a table meets its range. Nothing lies below L2.
  const o = { ...SMALL, levels: 3, baseLevelBytes: 100 };
  const v: Version = { levels: [[], [meta(2, 'a', 'c', 150)], [meta(3, 'b', 'd')]], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const c = impl.pickCompaction(v, o);
  return c && { level: c.level, dropTombstones: c.dropTombstones };
});
