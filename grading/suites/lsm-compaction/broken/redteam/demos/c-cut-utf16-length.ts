/** Demo for variant c-cut-utf16-length: hand-rolled entry size counting string length (UTF-16 units) instead of UTF-8 bytes: non-ASCII tables overshoot the target */
import * as base from '../base/compaction';
import * as variant from '../c-cut-utf16-length/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-cut-utf16-length", "Cut the result into tables of at most `options.targetFileBytes` bytes of entries, counted with `entryBytes`, at least one entry each.", base, variant, (impl: Impl): unknown => {
  // 'é' is 1 UTF-16 unit but 2 UTF-8 bytes: entryBytes of each entry is 4+2+4+1+4+10 = 25.
  const entries = Array.from({ length: 6 }, (_, i) => put(`k${i}`, i + 1, 'ééééé'));
  const { storage, metas } = diskWith([{ n: 2, entries }]);
  const v: Version = { levels: [[], [metas[0]!], [], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const next = impl.compact(storage, v, { level: 1, inputs: [metas[0]!], overlapping: [], dropTombstones: false }, { ...SMALL, targetFileBytes: 60 });
  return next.levels[2]!.map((t) => `${t.entries} entries = ${t.entries * 25} entry bytes (target 60)`);
});
