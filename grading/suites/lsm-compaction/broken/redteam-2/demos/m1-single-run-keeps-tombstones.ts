import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m1-single-run-keeps-tombstones/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
const runs = [[del('a', 1), put('b', 2, 'x')], []];
report('LSM-1.6: with dropTombstones a deleted key is left out (one run with entries)', baseMod.mergeRuns(runs, true), v.mergeRuns(runs, true));
