/** Demo for variant c-filter-by-identity: removes inputs/overlapping from the levels by object identity, so a Compaction whose TableMeta are equal copies (not the version's objects) leaves them listed */
import * as base from '../base/compaction';
import * as variant from '../c-filter-by-identity/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-filter-by-identity", "Build the new version: the inputs gone from `level`; the overlapping tables gone from `level + 1` and the outputs added, that level sorted by key;", base, variant, (impl: Impl): unknown => {
  const { storage, metas } = diskWith([{ n: 2, entries: [put('a', 2, 'new')] }, { n: 3, entries: [put('a', 1, 'old')] }]);
  const v: Version = { levels: [[metas[0]!], [metas[1]!], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  // The same compaction, described by equal copies of the metadata (as after a JSON round trip).
  const copy = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const next = impl.compact(storage, v, { level: 0, inputs: [copy(metas[0]!)], overlapping: [copy(metas[1]!)], dropTombstones: true }, SMALL);
  return next.levels.map((l) => l.map((t) => t.file));
});
