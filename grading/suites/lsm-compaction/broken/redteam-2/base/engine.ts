/**
 * The LSM tree around your compaction: write-ahead log, memtable, flush, the
 * read path and recovery. Provided; you do not edit it, but read it: it is
 * how your five functions are called.
 *
 * - put/delete: the write gets the next sequence number, is appended to the
 *   log and synced (it is acknowledged when the call returns), then goes into
 *   the memtable. A memtable past `memtableBytes` is flushed.
 * - flush: the memtable becomes a new L0 table (written and synced), a new
 *   empty log is created and synced, and the new version is installed with YOUR
 *   `installVersion`; only then is the old log removed. Then the tree
 *   compacts until YOUR `pickCompaction` returns null, running each
 *   compaction with YOUR `compact`.
 * - get: the memtable, then every L0 table whose range holds the key, newest
 *   first, then at most one table per deeper level. The first version found
 *   answers; a tombstone answers "absent". `stats.tablesProbed` counts the
 *   tables read.
 * - open: YOUR `recover` returns the last installed version (or null on an
 *   empty disk, and then the tree installs an empty one); the log's
 *   acknowledged records are replayed and, if there were any, flushed.
 *
 * Nothing here is asynchronous and nothing reads a clock: the whole tree is a
 * deterministic function of the calls made on it and of the disk.
 */
import type { Storage } from '@faultline/harness';
import {
  compareKeys,
  decodeLog,
  encodeLogRecord,
  entryBytes,
  logFileName,
  readTable,
  tableFileName,
  writeTable,
  DEFAULT_OPTIONS,
  type Compaction,
  type Entry,
  type LsmOptions,
  type TableMeta,
  type Version,
} from './format';

/** The five functions you write (compaction.ts), as the tree calls them. */
export interface CompactionStrategy {
  mergeRuns(runs: readonly (readonly Entry[])[], dropTombstones: boolean): Entry[];
  pickCompaction(version: Version, options: LsmOptions): Compaction | null;
  compact(storage: Storage, version: Version, compaction: Compaction, options: LsmOptions): Version;
  installVersion(storage: Storage, version: Version): void;
  recover(storage: Storage): Version | null;
}

/** A policy that keeps choosing work after this many compactions in a row is stuck, not busy. */
export const MAX_COMPACTIONS_PER_FLUSH = 256;

export interface TreeStats {
  /** Tables read by `get` (each probe of a table whose range holds the key). */
  tablesProbed: number;
  flushes: number;
  compactions: number;
}

/** The version with no tables: the first one a new tree installs. */
export function emptyVersion(options: LsmOptions): Version {
  return { levels: Array.from({ length: options.levels }, () => []), nextFile: 2, lastSeq: 0, log: logFileName(1) };
}

export class LsmTree {
  readonly stats: TreeStats = { tablesProbed: 0, flushes: 0, compactions: 0 };
  #version: Version;
  #memtable = new Map<string, Entry>();
  #memtableBytes = 0;
  #seq: number;
  #tables = new Map<string, Entry[]>();

  private constructor(
    private readonly storage: Storage,
    private readonly strategy: CompactionStrategy,
    readonly options: LsmOptions,
    version: Version,
  ) {
    this.#version = version;
    this.#seq = version.lastSeq;
  }

  /** Opens the tree on `storage`: recovers the last installed version and replays the log. */
  static open(storage: Storage, strategy: CompactionStrategy, options: LsmOptions = DEFAULT_OPTIONS): LsmTree {
    let version = strategy.recover(storage);
    if (version === null) {
      version = emptyVersion(options);
      startLog(storage, version.log);
      strategy.installVersion(storage, version);
    }
    checkShape(version, options, 'recover');
    const tree = new LsmTree(storage, strategy, options, version);
    const log = storage.read(version.log);
    if (log !== undefined && log.length > 0) {
      for (const entry of decodeLog(log).entries) {
        tree.#seq = Math.max(tree.#seq, entry.seq);
        tree.#remember(entry);
      }
      // Writes after a torn tail would be lost behind it on the next replay: start a fresh log.
      tree.flush();
    }
    return tree;
  }

  /** The current version (what the manifest holds). */
  get version(): Version {
    return this.#version;
  }

  put(key: string, value: string): void {
    this.#write(key, value);
  }

  delete(key: string): void {
    this.#write(key, null);
  }

  get(key: string): string | undefined {
    const found = this.#memtable.get(key) ?? this.#fromTables(key);
    return found?.value ?? undefined;
  }

  /** Every live key in [start, end) with its value, in key order. */
  scan(start = '', end?: string): [string, string][] {
    const newest = new Map<string, Entry>();
    const consider = (e: Entry): void => {
      if (e.key < start || (end !== undefined && e.key >= end)) return;
      const seen = newest.get(e.key);
      if (seen === undefined || e.seq > seen.seq) newest.set(e.key, e);
    };
    for (const e of this.#memtable.values()) consider(e);
    for (const level of this.#version.levels) for (const t of level) for (const e of this.#table(t)) consider(e);
    return [...newest.values()]
      .filter((e) => e.value !== null)
      .sort((a, b) => compareKeys(a.key, b.key))
      .map((e) => [e.key, e.value!]);
  }

  /** Writes the memtable out as an L0 table, installs the new version, then compacts. */
  flush(): void {
    const { storage } = this;
    const old = this.#version;
    const entries = [...this.#memtable.values()].sort((a, b) => compareKeys(a.key, b.key));
    let nextFile = old.nextFile;
    const l0 = [...old.levels[0]!];
    if (entries.length > 0) {
      const table = writeTable(storage, tableFileName(nextFile++), entries);
      storage.sync(table.file);
      l0.unshift(table);
    }
    const next: Version = {
      levels: [l0, ...old.levels.slice(1)],
      nextFile: nextFile + 1,
      lastSeq: this.#seq,
      log: logFileName(nextFile),
    };
    startLog(storage, next.log);
    this.strategy.installVersion(storage, next);
    this.#version = next;
    storage.remove(old.log);
    this.#memtable.clear();
    this.#memtableBytes = 0;
    this.stats.flushes++;
    this.compact();
  }

  /** Runs compactions until the policy chooses none. Returns how many ran. */
  compact(): number {
    for (let round = 0; ; round++) {
      const chosen = this.strategy.pickCompaction(this.#version, this.options);
      if (chosen === null) return round;
      if (round === MAX_COMPACTIONS_PER_FLUSH) {
        throw new Error(`engine: pickCompaction still chose a compaction after ${round} in a row (the last: level ${chosen.level}, ${chosen.inputs.length} input table(s)); a policy must settle`);
      }
      const next = this.strategy.compact(this.storage, this.#version, chosen, this.options);
      checkShape(next, this.options, 'compact');
      this.#version = next;
      this.stats.compactions++;
    }
  }

  #write(key: string, value: string | null): void {
    if (typeof key !== 'string') throw new TypeError(`engine: keys are strings, got ${typeof key}`);
    const entry: Entry = { key, seq: ++this.#seq, value };
    this.storage.append(this.#version.log, encodeLogRecord(entry));
    this.storage.sync(this.#version.log);
    this.#remember(entry);
    if (this.#memtableBytes >= this.options.memtableBytes) this.flush();
  }

  #remember(entry: Entry): void {
    const before = this.#memtable.get(entry.key);
    this.#memtableBytes += entryBytes(entry) - (before === undefined ? 0 : entryBytes(before));
    this.#memtable.set(entry.key, entry);
  }

  #fromTables(key: string): Entry | undefined {
    const [l0, ...deeper] = this.#version.levels;
    for (const t of l0!) {
      if (key < t.smallest || key > t.largest) continue;
      const found = this.#probe(t, key);
      if (found) return found;
    }
    for (const level of deeper) {
      // Deeper levels are sorted and disjoint: binary search for the one table that may hold the key.
      let lo = 0;
      let hi = level.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const t = level[mid]!;
        if (key < t.smallest) hi = mid - 1;
        else if (key > t.largest) lo = mid + 1;
        else {
          const found = this.#probe(t, key);
          if (found) return found;
          break;
        }
      }
    }
    return undefined;
  }

  #probe(t: TableMeta, key: string): Entry | undefined {
    this.stats.tablesProbed++;
    const entries = this.#table(t);
    let lo = 0;
    let hi = entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = compareKeys(entries[mid]!.key, key);
      if (c === 0) return entries[mid];
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** A table's entries; tables are immutable and names never reused, so each is read once. */
  #table(t: TableMeta): Entry[] {
    let entries = this.#tables.get(t.file);
    if (entries === undefined) {
      entries = readTable(this.storage, t.file);
      this.#tables.set(t.file, entries);
    }
    return entries;
  }
}

/**
 * Creates an empty log before the version that names it is installed: the
 * install's directory sync then makes its name durable too, so acknowledged
 * writes appended to it cannot vanish with a name the directory forgot.
 */
function startLog(storage: Storage, name: string): void {
  storage.write(name, new Uint8Array(0));
  storage.sync(name);
}

/** A version the tree cannot use is a bug to report where it was made, not three calls later. */
function checkShape(version: Version | null | undefined, options: LsmOptions, by: string): asserts version is Version {
  if (typeof version !== 'object' || version === null || !Array.isArray(version.levels)) {
    throw new TypeError(`engine: ${by} returned ${version === null ? 'null' : typeof version}, not a Version`);
  }
  if (version.levels.length !== options.levels) {
    throw new RangeError(`engine: ${by} returned a version with ${version.levels.length} levels; options.levels is ${options.levels}`);
  }
  if (typeof version.log !== 'string' || !Number.isInteger(version.nextFile) || !Number.isInteger(version.lastSeq)) {
    throw new TypeError(`engine: ${by} returned a version without log, nextFile or lastSeq`);
  }
}
