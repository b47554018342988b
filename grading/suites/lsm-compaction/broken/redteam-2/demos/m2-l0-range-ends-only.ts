import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m2-l0-range-ends-only/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
// The middle L0 table is the widest: its range reaches the L1 table x..y.
const ver: Version = { levels: [[meta(9, 'b', 'c'), meta(8, 'a', 'z'), meta(7, 'b', 'c')], [meta(3, 'x', 'y')], [], []], nextFile: 10, lastSeq: 50, log: '000005.log' };
const ov = (m: typeof baseMod) => m.pickCompaction(ver, OPTS)?.overlapping.map((t) => t.file);
report('LSM-2.6: overlapping covers the key range of all the inputs', ov(baseMod), ov(v as typeof baseMod));
