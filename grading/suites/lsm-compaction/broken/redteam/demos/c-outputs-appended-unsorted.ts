/** Demo for variant c-outputs-appended-unsorted: appends the outputs at the end of level + 1 without sorting the level by key */
import * as base from '../base/compaction';
import * as variant from '../c-outputs-appended-unsorted/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-outputs-appended-unsorted", "the overlapping tables gone from `level + 1` and the outputs added, that level sorted by key;", base, variant, (impl: Impl): unknown => {
  const { storage, metas } = diskWith([{ n: 2, entries: [put('x', 1, 'x')] }, { n: 3, entries: [put('a', 2, 'a')] }]);
  const v: Version = { levels: [[metas[1]!], [metas[0]!], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const next = impl.compact(storage, v, { level: 0, inputs: [metas[1]!], overlapping: [], dropTombstones: true }, SMALL);
  return next.levels[1]!.map((t) => `${t.smallest}..${t.largest}`);
});
