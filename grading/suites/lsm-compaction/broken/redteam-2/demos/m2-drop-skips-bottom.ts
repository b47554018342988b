import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m2-drop-skips-bottom/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
// L0 compaction into L1; L2 empty; the bottom L3 holds an older version in range.
const ver: Version = { levels: [[meta(9, 'a', 'c'), meta(8, 'a', 'c'), meta(7, 'a', 'c')], [], [], [meta(2, 'b', 'b')]], nextFile: 10, lastSeq: 50, log: '000005.log' };
const dt = (m: typeof baseMod) => m.pickCompaction(ver, OPTS)?.dropTombstones;
report('LSM-2.7: dropTombstones only when no level below level+1 (the bottom included) meets the range', dt(baseMod), dt(v as typeof baseMod));
