/** Demo for variant c-lastseq-from-outputs: sets lastSeq to the highest seq of the outputs ("the highest sequence number in any table"), lowering it when newer tables stay above */
import * as base from '../base/compaction';
import * as variant from '../c-lastseq-from-outputs/compaction';
import { demo, tableEntries, put, del, meta, diskWith, watched, crashSweep, SMALL, LsmTree, SimStorage, type Impl, type Version } from './_lib';

void tableEntries; void put; void del; void meta; void diskWith; void watched; void crashSweep; void LsmTree; void SimStorage; void SMALL;

demo("c-lastseq-from-outputs", "`nextFile` past the numbers used; `lastSeq` and `log` as they were.", base, variant, (impl: Impl): unknown => {
  // L1 -> L2 of a table whose entries are old (seq 1..2) while the version has seen seq 50.
  const { storage, metas } = diskWith([{ n: 2, entries: [put('a', 1, 'x'), put('b', 2, 'y')] }]);
  const v: Version = { levels: [[], [metas[0]!], [], []], nextFile: 10, lastSeq: 50, log: '000001.log' };
  const next = impl.compact(storage, v, { level: 1, inputs: [metas[0]!], overlapping: [], dropTombstones: false }, SMALL);
  return { lastSeqBefore: v.lastSeq, lastSeqAfter: next.lastSeq };
});
