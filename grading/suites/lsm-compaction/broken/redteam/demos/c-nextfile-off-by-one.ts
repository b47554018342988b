/** Demo for variant c-nextfile-off-by-one: nextFile set to the last number used instead of one past it: the next flush overwrites the last output table */
import * as base from '../base/compaction';
import * as variant from '../c-nextfile-off-by-one/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-nextfile-off-by-one", "`nextFile` past the numbers used; `lastSeq` and `log` as they were.", base, variant, (impl: Impl): unknown => {
  const { storage, metas } = diskWith([{ n: 2, entries: [put('a', 1, 'x')] }]);
  const v: Version = { levels: [[], [metas[0]!], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const next = impl.compact(storage, v, { level: 1, inputs: [metas[0]!], overlapping: [], dropTombstones: false }, SMALL);
  const used = next.levels.flat().map((t) => t.file);
  return { nextFile: next.nextFile, outputs: used, nextNameAlreadyUsed: used.includes(`${String(next.nextFile).padStart(6, '0')}.sst`) };
});
