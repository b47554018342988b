/**
 * The LSM tree as the grader drives it, free of the test runner (the
 * benchmark uses it too): a disk that can crash at any storage call, the tree
 * with every call into learner code guarded, the model every read is checked
 * against, and the structural checks.
 *
 * The engine and formats are imported from the grader's own checkout, never
 * through `@impl`: a submission supplies compaction.ts and nothing else.
 */
import { guarded, Rng, SimStorage, type Storage } from '../../../harness';
import { LsmTree, type CompactionStrategy } from '../../../exercises/lsm-compaction/engine';
import {
  compareKeys,
  levelTarget,
  readTable,
  totalBytes,
  type Compaction,
  type Entry,
  type LsmOptions,
  type TableMeta,
  type Version,
} from '../../../exercises/lsm-compaction/format';

export type { Compaction, Entry, LsmOptions, TableMeta, Version };
/** The learner's module, as the tree needs it. */
export type LsmModule = CompactionStrategy;

/** Small enough that a few hundred writes fill every level: ~25-byte entries, a flush every ~10 writes. */
export const SMALL: LsmOptions = { memtableBytes: 256, l0Trigger: 4, baseLevelBytes: 1024, fanout: 4, levels: 4, targetFileBytes: 256 };

/** Learner code runs with Math.random, Date.now and timers trapped. */
export const run = <T>(what: string, fn: () => T): T => guarded(`your compaction code (${what})`, fn);

// ---------------------------------------------------------------------------
// A disk that crashes on cue

/** Thrown by a `Disk` at its crash point, and at every storage call after it: the process is gone. */
export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/** The SimStorage under a disk: for the suite, never for learner code. */
export let simOf: (disk: Disk) => SimStorage;
/** Every change made through a disk, in order: "write 000007.sst", "sync MANIFEST.tmp", … */
export let opsOf: (disk: Disk) => readonly string[];

/**
 * A `Storage` over a SimStorage that records every call that changes the
 * disk, counts the bytes written to tables, and, given a crash point, throws
 * `SimulatedCrash` instead of making that call (the call does not happen).
 *
 * Learner code is handed a Disk, so it holds nothing learner code could use
 * to hide a fault: its state is private, the instance and the class are
 * frozen, and the disk underneath and the call log are reached only through
 * `simOf` and `opsOf`, which a learner's module cannot import.
 */
export class Disk implements Storage {
  readonly #sim: SimStorage;
  readonly #crashAt: number;
  /** Every change, in order: "write 000007.sst", "sync MANIFEST.tmp", … */
  readonly #ops: string[] = [];
  #tableBytes = 0;
  #crashed = false;

  constructor(sim: SimStorage = new SimStorage(), crashAt = Infinity) {
    this.#sim = sim;
    this.#crashAt = crashAt;
    Object.freeze(this);
  }

  static {
    simOf = (disk) => disk.#sim;
    opsOf = (disk) => disk.#ops;
  }

  /** Bytes written to `.sst` files (by flushes and compactions). */
  get tableBytes(): number {
    return this.#tableBytes;
  }
  /** Whether the crash point was reached. */
  get crashed(): boolean {
    return this.#crashed;
  }

  list(): string[] {
    this.#alive('list');
    return this.#sim.list();
  }
  read(name: string): Uint8Array | undefined {
    this.#alive(`read ${name}`);
    return this.#sim.read(name);
  }
  append(name: string, bytes: Uint8Array): void {
    this.#op(`append ${name} (${bytes.length} B)`);
    this.#sim.append(name, bytes);
  }
  write(name: string, bytes: Uint8Array): void {
    this.#op(`write ${name} (${bytes.length} B)`);
    if (name.endsWith('.sst')) this.#tableBytes += bytes.length;
    this.#sim.write(name, bytes);
  }
  remove(name: string): void {
    this.#op(`remove ${name}`);
    this.#sim.remove(name);
  }
  rename(from: string, to: string): void {
    this.#op(`rename ${from} → ${to}`);
    this.#sim.rename(from, to);
  }
  sync(name: string): void {
    this.#op(`sync ${name}`);
    this.#sim.sync(name);
  }
  syncDirectory(): void {
    this.#op('syncDirectory');
    this.#sim.syncDirectory();
  }

  #alive(what: string): void {
    if (this.#crashed) throw new SimulatedCrash(`storage call after the crash: ${what}`);
  }
  #op(what: string): void {
    this.#alive(what);
    if (this.#ops.length >= this.#crashAt) {
      this.#crashed = true;
      throw new SimulatedCrash(`crash before storage call ${this.#ops.length + 1}: ${what}`);
    }
    this.#ops.push(what);
  }
}
Object.freeze(Disk.prototype);
Object.freeze(Disk);

/** What is left of a disk after a crash, and how to say which crash. */
export type CrashKind = { kind: 'process' } | { kind: 'power-worst' } | { kind: 'power-names' } | { kind: 'power'; seed: number };

export const describeCrash = (c: CrashKind): string =>
  c.kind === 'process'
    ? 'the process died; the disk kept everything'
    : c.kind === 'power-worst'
      ? 'power failed; the disk lost everything not synced'
      : c.kind === 'power-names'
        ? 'power failed; every file name since the last syncDirectory survived, but no byte that was not synced (a new file comes back empty, as ext4 left them)'
        : `power failed; the disk lost a random part of what was not synced (crash seed ${c.seed})`;

/**
 * The choices of SimStorage.crash for 'power-names': its first draw (how many
 * directory operations survive) keeps them all, and every later one (how much
 * of a file's unsynced bytes survive) keeps none.
 */
const namesKept = (): Rng => {
  let first = true;
  return {
    int: (min: number, max: number): number => {
      const pick = first ? max : min;
      first = false;
      return pick;
    },
  } as unknown as Rng;
};

/** The disk a restarted process finds. `sim` is not changed. */
export function afterCrash(sim: SimStorage, crash: CrashKind): SimStorage {
  if (crash.kind === 'process') return sim.clone();
  if (crash.kind === 'power-worst') return sim.durableCopy();
  const disk = sim.clone();
  disk.crash(crash.kind === 'power-names' ? namesKept() : new Rng(crash.seed));
  return disk;
}

// ---------------------------------------------------------------------------
// The tree, driven the way the grader drives it

/** An LSM tree over a `Disk`, with every call into learner code guarded. */
export class Db {
  readonly tree: LsmTree;

  constructor(
    readonly impl: LsmModule,
    readonly disk: Disk,
    readonly options: LsmOptions = SMALL,
  ) {
    this.tree = run('LsmTree.open: recover, installVersion', () => LsmTree.open(disk, impl, options));
  }

  put(key: string, value: string): void {
    run(`put ${key}`, () => this.tree.put(key, value));
  }
  delete(key: string): void {
    run(`delete ${key}`, () => this.tree.delete(key));
  }
  get(key: string): string | undefined {
    return run(`get ${key}`, () => this.tree.get(key));
  }
  scan(start?: string, end?: string): [string, string][] {
    return run('scan', () => this.tree.scan(start, end));
  }
  flush(): void {
    run('flush', () => this.tree.flush());
  }
  compact(): void {
    run('compact', () => this.tree.compact());
  }
  get version(): Version {
    return this.tree.version;
  }
}

/** `k000` … : fixed width, so key order is numeric order. */
export const key = (n: number): string => `k${String(n).padStart(3, '0')}`;

/** Writes acknowledged so far, as a plain Map: the model every read is checked against. */
export class Model {
  readonly live = new Map<string, string>();
  /** Every key ever written, live or deleted: the keys whose reads are checked. */
  readonly touched = new Set<string>();

  put(k: string, v: string): void {
    this.live.set(k, v);
    this.touched.add(k);
  }
  delete(k: string): void {
    this.live.delete(k);
    this.touched.add(k);
  }
  sorted(start = '', end?: string): [string, string][] {
    return [...this.live].filter(([k]) => k >= start && (end === undefined || k < end)).sort(([a], [b]) => compareKeys(a, b));
  }
}

/**
 * A random workload: puts (most), deletes (about one in `deleteOneIn`) and
 * overwrites over `keys` keys, applied to the tree and the model.
 */
export function workload(db: Db, model: Model, rng: Rng, writes: number, keys: number, deleteOneIn = 4, tag = 'v'): void {
  for (let i = 0; i < writes; i++) {
    const k = key(rng.int(0, keys - 1));
    if (rng.int(1, deleteOneIn) === 1 && model.live.has(k)) {
      db.delete(k);
      model.delete(k);
    } else {
      const v = `${tag}${i}`;
      db.put(k, v);
      model.put(k, v);
    }
  }
}

/**
 * Every read the tree answers differently from the model: a lost write, a
 * resurrected key, a stale version. Empty when they agree.
 */
export function readMismatches(db: Db, model: Model, limit = 5): string[] {
  const problems: string[] = [];
  for (const k of [...model.touched].sort()) {
    const expected = model.live.get(k);
    const got = db.get(k);
    if (got === expected) continue;
    problems.push(
      expected === undefined
        ? `get(${k}) returned ${JSON.stringify(got)}, but ${k} was deleted: a deleted key came back`
        : got === undefined
          ? `get(${k}) returned nothing, but ${k} = ${JSON.stringify(expected)} was acknowledged: a write was lost`
          : `get(${k}) returned ${JSON.stringify(got)}, but the newest write of ${k} is ${JSON.stringify(expected)}: an older version won`,
    );
    if (problems.length >= limit) return problems;
  }
  const scanned = db.scan();
  const expected = model.sorted();
  if (JSON.stringify(scanned) !== JSON.stringify(expected)) {
    problems.push(`scan() returned ${scanned.length} keys, the model holds ${expected.length}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Structure

export const describeTable = (t: TableMeta): string => `${t.file} [${t.smallest} … ${t.largest}] ${t.bytes} B`;

const SHOWN_PER_LEVEL = 8;

export const describeVersion = (v: Version): string =>
  v.levels
    .map((level, i) => {
      if (level.length === 0) return `  L${i}: (empty)`;
      const more = level.length > SHOWN_PER_LEVEL ? `, … and ${level.length - SHOWN_PER_LEVEL} more (${level.length} tables)` : '';
      return `  L${i}: ${level.slice(0, SHOWN_PER_LEVEL).map(describeTable).join(', ')}${more}`;
    })
    .join('\n');

/**
 * What is wrong with a version's shape: tables unsorted or overlapping in L1
 * and deeper, a table whose file does not match its metadata, and (with
 * `settled`) L0 at its trigger or a level over its target.
 */
export function structureProblems(version: Version, storage: Storage, options: LsmOptions, settled: boolean): string[] {
  const problems: string[] = [];
  version.levels.forEach((level, i) => {
    for (const t of level) {
      let entries: Entry[];
      try {
        entries = readTable(storage, t.file);
      } catch (error) {
        problems.push(`L${i} ${t.file}: ${(error as Error).message}`);
        continue;
      }
      for (let j = 1; j < entries.length; j++) {
        if (!(entries[j - 1]!.key < entries[j]!.key)) problems.push(`L${i} ${t.file}: entries ${j - 1} and ${j} are out of order or repeat a key`);
      }
      if (entries.length > 0 && (entries[0]!.key !== t.smallest || entries[entries.length - 1]!.key !== t.largest)) {
        problems.push(`L${i} ${t.file}: holds [${entries[0]!.key} … ${entries[entries.length - 1]!.key}], the manifest says [${t.smallest} … ${t.largest}]`);
      }
    }
    if (i === 0) return;
    for (let j = 1; j < level.length; j++) {
      if (!(level[j - 1]!.largest < level[j]!.smallest)) {
        problems.push(`L${i}: ${describeTable(level[j - 1]!)} and ${describeTable(level[j]!)} overlap or are out of order`);
      }
    }
  });
  if (settled) {
    if (version.levels[0]!.length >= options.l0Trigger) problems.push(`L0 holds ${version.levels[0]!.length} tables; the trigger is ${options.l0Trigger}`);
    for (let i = 1; i < options.levels - 1; i++) {
      const bytes = totalBytes(version.levels[i]!);
      if (bytes > levelTarget(options, i)) problems.push(`L${i} holds ${bytes} bytes; its target is ${levelTarget(options, i)}`);
    }
  }
  return problems;
}

/** Files on disk that the version does not list: more than two besides its tables and log, or any stray `.sst`/`.log`. */
export function orphans(version: Version, storage: Storage): string[] {
  const listed = new Set<string>([version.log, ...version.levels.flat().map((t) => t.file)]);
  const others = storage.list().filter((f) => !listed.has(f));
  const strays = others.filter((f) => f.endsWith('.sst') || f.endsWith('.log'));
  if (strays.length > 0) return strays;
  return others.length > 2 ? others : [];
}
