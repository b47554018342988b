/**
 * Shared helpers for the demos: run one scenario against the base and the
 * variant, print both outcomes, and say whether they differ.
 */
import { LsmTree, type CompactionStrategy } from '../../../../../../exercises/lsm-compaction/engine';
import { compareKeys, readTable, tableFileName, writeTable, type Entry, type LsmOptions, type TableMeta, type Version } from '../../../../../../exercises/lsm-compaction/format';
import { Rng, SimStorage, type Storage } from '../../../../../../harness/index';

export type Impl = CompactionStrategy;

export const put = (key: string, seq: number, value: string): Entry => ({ key, seq, value });
export const del = (key: string, seq: number): Entry => ({ key, seq, value: null });
export const meta = (n: number, smallest: string, largest: string, bytes = 100): TableMeta => ({ file: tableFileName(n), smallest, largest, bytes, entries: 10, maxSeq: n });
export const SMALL: LsmOptions = { memtableBytes: 200, l0Trigger: 3, baseLevelBytes: 600, fanout: 3, levels: 4, targetFileBytes: 200 };

const fmt = (x: unknown): string => {
  try {
    return JSON.stringify(x, (_k, v) => (v === undefined ? '<undefined>' : v));
  } catch {
    return String(x);
  }
};

function attempt(f: () => unknown): string {
  try {
    return fmt(f());
  } catch (e) {
    return `THROWS ${(e as Error).name}: ${(e as Error).message}`;
  }
}

/** Runs `scenario` on both, prints both results and the clause. Exit code 1 when they do not differ. */
export function demo(name: string, clause: string, base: Impl, variant: Impl, scenario: (impl: Impl) => unknown): void {
  const b = attempt(() => scenario(base));
  const v = attempt(() => scenario(variant));
  console.log(`== ${name}`);
  console.log(`base:    ${b}`);
  console.log(`variant: ${v}`);
  console.log(`breaks:  ${clause}`);
  console.log(b === v ? 'RESULT: SAME (demo failed)' : 'RESULT: DIFFER');
  if (b === v) process.exitCode = 1;
}

/** A disk holding the given tables, and their metadata. */
export function diskWith(tables: { n: number; entries: Entry[] }[]): { storage: SimStorage; metas: TableMeta[] } {
  const storage = new SimStorage();
  const metas = tables.map(({ n, entries }) => {
    const m = writeTable(storage, tableFileName(n), entries);
    storage.sync(m.file);
    return m;
  });
  storage.syncDirectory();
  return { storage, metas };
}

/** A storage proxy that calls `before(name)` before each storage method call. */
export function watched<S extends Storage>(target: S, before: (method: string, args: unknown[]) => void): S {
  return new Proxy(target, {
    get(t, name) {
      const member = Reflect.get(t, name);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        before(String(name), args);
        return member.apply(t, args);
      };
    },
  });
}

export const sortedModel = (model: Map<string, string>): [string, string][] => [...model].sort(([a], [b]) => compareKeys(a, b));

/**
 * Crashes a tree before every storage call of its last flushes (and the compactions they start),
 * in the given way, reopens it and counts the crash points where an acknowledged write was lost,
 * a deleted key came back, recovery threw, or an orphan file outlived the restart.
 */
export function crashSweep(impl: Impl, mode: 'process' | 'worst' | 'random', seeds = 1): { points: number; lost: number; threw: number; orphans: number; example: string } {
  const out = { points: 0, lost: 0, threw: 0, orphans: 0, example: '' };
  for (let seed = 1; seed <= seeds; seed++) {
    const storage = new SimStorage();
    const snaps: SimStorage[] = [];
    let recording = false;
    const disk = watched(storage, () => {
      if (recording) snaps.push(storage.clone());
    });
    const options = { ...SMALL, memtableBytes: 1e9 };
    const tree = LsmTree.open(disk, impl, options);
    const model = new Map<string, string>();
    const rng = Rng.stream(seed, 'demo-crash');
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 25; i++) {
        const key = `k${String(rng.int(0, 30)).padStart(2, '0')}`;
        if (rng.int(0, 3) === 0) {
          tree.delete(key);
          model.delete(key);
        } else {
          tree.put(key, `r${round}-${i}`);
          model.set(key, `r${round}-${i}`);
        }
      }
      recording = round >= 2;
      const start = snaps.length;
      tree.flush();
      recording = false;
      snaps.push(storage.clone());
      const expected = JSON.stringify(sortedModel(model));
      snaps.slice(start).forEach((snap, i) => {
        out.points++;
        let crashed: SimStorage = snap;
        if (mode === 'worst') crashed = snap.durableCopy();
        if (mode === 'random') snap.crash(Rng.stream(seed * 1000 + round, `point${i}`));
        try {
          const reopened = LsmTree.open(crashed, impl, options);
          if (JSON.stringify(reopened.scan()) !== expected) {
            out.lost++;
            out.example ||= `round ${round}, before storage call ${i + 1}: scan differs from the acknowledged writes`;
          }
          const v = reopened.version;
          const live = new Set([v.log, ...v.levels.flat().map((t) => t.file)]);
          const extra = crashed.list().filter((n) => !live.has(n));
          if (extra.length > 2 || extra.some((n) => n.endsWith('.sst') || n.endsWith('.log'))) {
            out.orphans++;
            out.example ||= `round ${round}, before storage call ${i + 1}: orphans ${extra.join(',')}`;
          }
        } catch (e) {
          out.threw++;
          out.example ||= `round ${round}, before storage call ${i + 1}: ${(e as Error).message}`;
        }
      });
    }
  }
  return out;
}

export type { Entry, LsmOptions, TableMeta, Version };
export { LsmTree, SimStorage, Rng };

/** A table's entries, read back from disk. */
export const tableEntries = (storage: Storage, file: string): Entry[] => readTable(storage, file);
