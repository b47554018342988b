/** Demo for variant c-cut-stops-at-exact-target: >= instead of >: a table that the next entry would fill exactly to targetFileBytes is cut one entry early */
import * as base from '../base/compaction';
import * as variant from '../c-cut-stops-at-exact-target/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-cut-stops-at-exact-target", "Fill each table first: a table ends only where its next entry would take it past `targetFileBytes`.", base, variant, (impl: Impl): unknown => {
  // 6 entries of entryBytes 20 each (key 'kN' 2 bytes, value 5 bytes): 4+2+4+1+4+5.
  const entries = Array.from({ length: 6 }, (_, i) => put(`k${i}`, i + 1, `v${i}abc`));
  const { storage, metas } = diskWith([{ n: 2, entries }]);
  const v: Version = { levels: [[], [metas[0]!], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const next = impl.compact(storage, v, { level: 1, inputs: [metas[0]!], overlapping: [], dropTombstones: false }, { ...SMALL, targetFileBytes: 40 });
  return next.levels[2]!.map((t) => `${t.file}: ${t.entries} entries, ${t.entries * 20} entry bytes`);
});
