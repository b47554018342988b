import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m2-overlap-halfopen/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
// L0 range a..c; L1 has a table c..f that shares only the key c.
const ver: Version = { levels: [[meta(9, 'a', 'c'), meta(8, 'a', 'b'), meta(7, 'a', 'b')], [meta(3, 'c', 'f')], [], []], nextFile: 10, lastSeq: 50, log: '000005.log' };
const ov = (m: typeof baseMod) => m.pickCompaction(ver, OPTS)?.overlapping.map((t) => t.file);
report('LSM-2.6: every table of level+1 whose range meets the inputs range (inclusive ends)', ov(baseMod), ov(v as typeof baseMod));
