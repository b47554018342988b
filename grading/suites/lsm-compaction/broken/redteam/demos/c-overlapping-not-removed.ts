/** Demo for variant c-overlapping-not-removed: removes the input files but not the overlapping files of level + 1, leaving them on disk until the next recover */
import * as base from '../base/compaction';
import * as variant from '../c-overlapping-not-removed/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-overlapping-not-removed", "Only then remove the input and overlapping files.", base, variant, (impl: Impl): unknown => {
  const { storage, metas } = diskWith([{ n: 2, entries: [put('a', 2, 'new')] }, { n: 3, entries: [put('a', 1, 'old')] }]);
  const v: Version = { levels: [[metas[0]!], [metas[1]!], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const next = impl.compact(storage, v, { level: 0, inputs: [metas[0]!], overlapping: [metas[1]!], dropTombstones: true }, SMALL);
  return { listed: next.levels.flat().map((t) => t.file), onDisk: storage.list() };
});
