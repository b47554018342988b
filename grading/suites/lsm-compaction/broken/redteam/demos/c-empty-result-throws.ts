/** Demo for variant c-empty-result-throws: always closes the last chunk, so a merge that drops everything calls writeTable with no entries and throws */
import * as base from '../base/compaction';
import * as variant from '../c-empty-result-throws/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-empty-result-throws", "An empty result writes no table.", base, variant, (impl: Impl): unknown => {
  const { storage, metas } = diskWith([{ n: 2, entries: [del('a', 5), del('b', 6)] }, { n: 3, entries: [put('a', 1, 'x')] }]);
  const v: Version = { levels: [[], [metas[0]!], [metas[1]!], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const next = impl.compact(storage, v, { level: 1, inputs: [metas[0]!], overlapping: [metas[1]!], dropTombstones: true }, SMALL);
  return next.levels;
});
