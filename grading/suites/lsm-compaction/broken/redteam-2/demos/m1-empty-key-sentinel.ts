import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m1-empty-key-sentinel/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
const runs = [[put('', 1, 'empty-key'), put('a', 2, 'x')], [put('b', 3, 'y')]];
report('LSM-0.6/LSM-1.3: the empty-string key is a key like the others', baseMod.mergeRuns(runs, false), v.mergeRuns(runs, false));
