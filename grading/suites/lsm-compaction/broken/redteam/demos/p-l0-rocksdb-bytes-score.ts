/** Demo for variant p-l0-rocksdb-bytes-score: scores L0 as RocksDB does, the larger of tables / trigger and bytes / baseLevelBytes */
import * as base from '../base/compaction';
import * as variant from '../p-l0-rocksdb-bytes-score/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-l0-rocksdb-bytes-score", "L0 scores its number of tables / `l0Trigger`.", base, variant, (impl: Impl): unknown => {
  // Two big L0 tables: 2 / l0Trigger 3 < 1 by count, but 2000 bytes > baseLevelBytes 600.
  const v: Version = { levels: [[meta(9, 'a', 'm', 1000), meta(8, 'a', 'm', 1000)], [], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  return impl.pickCompaction(v, SMALL)?.level ?? null;
});
