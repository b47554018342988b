import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS, type Mod } from './_util.ts';
import * as vm from '../m3-recover-prefers-whole-tmp/compaction.ts';
import { SimStorage, Rng } from '@faultline/harness';
import { LsmTree } from '@impl/lsm-compaction/engine';
import { readTable, tableFileName, type Version, type Compaction, type TableMeta, type Entry } from '@impl/lsm-compaction/format';
void put; void del; void meta; void disk; void crashing; void Crash; void OPTS; void SimStorage; void Rng; void LsmTree; void readTable; void tableFileName;
export type _T = [Version, Compaction, TableMeta, Entry];
const v = vm as Mod;
void v;
/** An L0-to-L1 compaction of table 7 (entries) over L1 tables, on a fresh disk. */
export function l0Setup(m: Mod, entries: Entry[], l1: [number, Entry[]][] = []) {
  const { storage, version } = disk(m, [[7, entries], ...l1], (ms) => ({ levels: [[ms.get(7)!], l1.map(([n]) => ms.get(n)!), [], []], nextFile: 10, lastSeq: 50, log: '000005.log' }));
  const c: Compaction = { level: 0, inputs: [version.levels[0]![0]!], overlapping: [], dropTombstones: true };
  return { storage, version, c };
}
/** Which tables a recovered version lists but cannot read. */
export function unreadable(storage: SimStorage, ver: Version | null): string[] {
  const bad: string[] = [];
  for (const lv of ver?.levels ?? []) for (const t of lv) { try { readTable(storage, t.file); } catch { bad.push(t.file); } }
  return bad;
}
// Each entry is 15 bytes (13 + key + value); targetFileBytes 30 fits exactly two.
// A compaction: outputs synced, MANIFEST.tmp written and synced, then the process dies before the rename.
const run = (m: Mod) => {
  const { storage, version, c } = l0Setup(m, [put('a', 1, 'x')]);
  try { m.compact(crashing(storage, 4), version, c, OPTS); } catch (e) { if (!(e instanceof Crash)) throw e; }
  const first = m.recover(storage);
  const second = m.recover(storage);
  return { first: first?.levels.map((l) => l.map((t) => t.file)), second: second?.levels.map((l) => l.map((t) => t.file)), unreadableAfterSecond: unreadable(storage, second) };
};
report('LSM-3.13: asked again, recover returns the same version, every table on disk', run(baseMod), run(v));
