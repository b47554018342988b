import { baseMod, put, del, meta, report, disk, crashing, Crash, OPTS, type Mod } from './_util.ts';
import * as vm from '../m3-sync-after-rename/compaction.ts';
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
// A crash before installVersion's third storage call, random damage, seeds 1..30: how often is the manifest unreadable?
const run = (m: Mod) => {
  let torn = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const storage = new SimStorage();
    const v1: Version = { levels: [[], [], [], []], nextFile: 2, lastSeq: 0, log: '000001.log' };
    storage.write(v1.log, new Uint8Array()); storage.sync(v1.log);
    m.installVersion(storage, v1);
    try { m.installVersion(crashing(storage, 2), { ...v1, lastSeq: 7 }); } catch (e) { if (!(e instanceof Crash)) throw e; }
    storage.crash(Rng.stream(seed, 'demo'));
    try { m.recover(storage); } catch { torn++; }
  }
  return `recover threw on ${torn} of 30 crashes`;
};
report('LSM-3.10: a crash inside installVersion leaves the old version or the new one', run(baseMod), run(v));
