import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m1-seen-object-proto/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
const runs = [[put('__proto__', 1, 'p'), put('constructor', 2, 'c')], [put('a', 3, 'x')]];
report('LSM-0.6/LSM-1.3: "__proto__" and "constructor" are keys like the others', baseMod.mergeRuns(runs, false), v.mergeRuns(runs, false));
