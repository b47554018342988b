import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS } from './_util.ts';
import * as v from '../m2-score-floored/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta];
// L0: 4 tables / l0Trigger 3 = 1.33; L1: 900 bytes / 600 = 1.5 -> L1 has the highest score.
const ver: Version = { levels: [[meta(9, 'a', 'b'), meta(8, 'a', 'b'), meta(7, 'a', 'b'), meta(6, 'a', 'b')], [meta(3, 'c', 'd', 900)], [], []], nextFile: 10, lastSeq: 50, log: '000005.log' };
const lv = (m: typeof baseMod) => m.pickCompaction(ver, OPTS)?.level;
report('LSM-2.3: compact the level with the highest score (1.5 beats 1.33)', lv(baseMod), lv(v as typeof baseMod));
