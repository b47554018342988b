/** Demo for variant p-deeper-picks-first-table: from a deeper level always takes the first table (lowest keys), the README's "your choice", which rewrites far more of the next level */
import * as base from '../base/compaction';
import * as variant from '../p-deeper-picks-first-table/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("p-deeper-picks-first-table", "write amplification on a fixed workload of 20 000 writes over 2 000 keys is at most 9: bytes written to tables per byte written by the user", base, variant, (impl: Impl): unknown => {
  // 20 000 puts over 2 000 keys; count the bytes written to .sst files per byte of entries the user wrote.
  const o = { memtableBytes: 1024, l0Trigger: 4, baseLevelBytes: 4096, fanout: 10, levels: 4, targetFileBytes: 1024 };
  let sst = 0;
  const storage = watched(new SimStorage(), (m, a) => {
    if (m === 'write' && String(a[0]).endsWith('.sst')) sst += (a[1] as Uint8Array).length;
  });
  const tree = LsmTree.open(storage, impl, o);
  let user = 0;
  for (let i = 0; i < 20000; i++) {
    const key = `key${String((i * 7919) % 2000).padStart(4, '0')}`;
    const value = `value${i}`;
    user += 4 + key.length + 4 + 1 + 4 + value.length; // entryBytes
    tree.put(key, value);
  }
  return { writeAmplification: Number((sst / user).toFixed(2)), bound: 9 };
});
