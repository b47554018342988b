import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m1-seq-int32/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
const runs = [[put('k', 5, 'old')], [put('k', 2 ** 31, 'new')]];
report('LSM-1.12/LSM-1.2: seqs up to MAX_SAFE_INTEGER, the highest wins', baseMod.mergeRuns(runs, false), v.mergeRuns(runs, false));
