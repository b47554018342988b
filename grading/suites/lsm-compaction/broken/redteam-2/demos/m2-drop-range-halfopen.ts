import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m2-drop-range-halfopen/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
// L0 range a..c; L2 has a table starting exactly at c.
const ver: Version = { levels: [[meta(9, 'a', 'c'), meta(8, 'a', 'b'), meta(7, 'a', 'b')], [], [meta(2, 'c', 'd')], []], nextFile: 10, lastSeq: 50, log: '000005.log' };
const dt = (m: typeof baseMod) => m.pickCompaction(ver, OPTS)?.dropTombstones;
report('LSM-2.7: a deeper table touching the range at its end meets it: no dropping', dt(baseMod), dt(v as typeof baseMod));
