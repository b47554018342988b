/** Demo for variant c-always-drop-tombstones: always drops tombstones, whatever the compaction says: an older value below comes back */
import * as base from '../base/compaction';
import * as variant from '../c-always-drop-tombstones/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-always-drop-tombstones", "Read the inputs and the overlapping tables (`readTable`) and merge them with your `mergeRuns` and `compaction.dropTombstones`.", base, variant, (impl: Impl): unknown => {
  // L0 -> L1 with a tombstone for 'a' while L2 still holds an old 'a': the compaction says keep tombstones.
  const { storage, metas } = diskWith([{ n: 2, entries: [del('a', 5), put('b', 6, 'b')] }, { n: 3, entries: [put('a', 1, 'zombie')] }]);
  const v: Version = { levels: [[metas[0]!], [], [metas[1]!], []], nextFile: 10, lastSeq: 9, log: '000001.log' };
  const next = impl.compact(storage, v, { level: 0, inputs: [metas[0]!], overlapping: [], dropTombstones: false }, SMALL);
  const l1 = next.levels[1]!.map((t) => t.file);
  return { l1, entriesOfL1: l1.flatMap((f) => tableEntries(storage, f)) };
});
