/**
 * Task 3 — installing the result crash-safely. The disk crashes at every
 * storage call of a flush and the compactions it starts, in each of four
 * ways (the process dies and the disk keeps everything; power fails and the
 * disk loses everything unsynced; power fails and every new name survives
 * but no unsynced byte, so a new file comes back empty; power fails and it
 * loses a random part of it), and the recovered tree must hold every
 * acknowledged write, no deleted key, and no leftover file. Then installVersion alone, recover alone, and
 * random command sequences with crashes among them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng, SimStorage, type Storage } from '../../../harness';
import { crashOutcomes, recordCrashPoints } from '../../../harness/storage';
import { commandsArb, runCommands, treesArb } from './commands';
import { compareKeys, entryBytes, logFileName, overlapping, keyRange, readTable, tableFileName, writeTable, type TableMeta } from '../../../exercises/lsm-compaction/format';
import { LsmTree } from '../../../exercises/lsm-compaction/engine';
import { canon, compactionProblems, expectedOutputs, recording, recoveredProblems, snapshot, type CompactionCase, type Trace } from './versions';
import {
  afterCrash,
  Db,
  describeCrash,
  describeVersion,
  Disk,
  key,
  lsmSuite,
  Model,
  opsOf,
  orphans,
  readMismatches,
  run,
  simOf,
  SimulatedCrash,
  SMALL,
  workload,
  type CrashKind,
  type Entry,
  type LsmModule,
  type LsmOptions,
  type Version,
} from './support';

const suite = lsmSuite();

/**
 * A disk on which the next flush starts a compaction: L0 one table short of
 * its trigger, deeper levels holding data, and a log of acknowledged writes
 * (overwrites and deletes of keys that live deeper) that opening the tree
 * will replay and flush.
 */
function primedDisk(impl: Db['impl'], options: LsmOptions, seed: number): { disk: SimStorage; model: Model; version: Version } {
  const db = new Db(impl, new Disk(), options);
  const model = new Model();
  const rng = new Rng(seed);
  const WRITES = 3000;
  let ready = false;
  for (let i = 0; i < WRITES && !ready; i++) {
    const flushes = db.tree.stats.flushes;
    workload(db, model, rng, 1, 300, 4, `p${i}.`);
    // Best with data two levels down, so tombstones have something to shadow; after half the writes, L1 will do.
    const deeper = db.version.levels.slice(i < WRITES / 2 ? 2 : 1).some((l) => l.length > 0);
    ready = db.version.levels[0]!.length === options.l0Trigger - 1 && deeper && db.tree.stats.flushes === flushes;
  }
  if (!ready) {
    throw new Error(
      `after ${WRITES} writes the tree never reached a state in which the next flush starts a compaction ` +
        `(L0 one table short of l0Trigger = ${options.l0Trigger}, and data below it), so there is no compaction to crash\n${describeVersion(db.version)}`,
    );
  }
  // Deletes and overwrites of keys that already sit in tables: their older versions lie below.
  const older = [...model.live.keys()].sort();
  for (let i = 0; i < 6 && older.length > 0; i++) {
    const k = older[rng.int(0, older.length - 1)]!;
    if (i % 2 === 0) {
      db.delete(k);
      model.delete(k);
    } else {
      db.put(k, `last${i}`);
      model.put(k, `last${i}`);
    }
  }
  return { disk: simOf(db.disk), model, version: snapshot(db.version) };
}

/** One run of a sweep: what the crashed run had acknowledged and installed when it stopped. */
interface SweepRun {
  readonly trace: Trace;
  /** Every write whose put or delete returned. */
  readonly acked: Model;
  /** The write under way, if any: it may or may not survive. */
  inflight?: { key: string; value: string | null };
}

/** What a check gets: the recovered tree, the run that crashed, what was wrong with the version recover returned, and the disk as the crash left it. */
interface Recovered {
  readonly db: Db;
  readonly run: SweepRun;
  readonly versionProblems: readonly string[];
  /** A new copy, each call, of the disk as the crash left it, before anything recovered it. */
  readonly crashed: () => SimStorage;
}

/**
 * The crashes a sweep tries at each point (harness/storage, crashOutcomes):
 * the process dying with the disk intact; power failing the worst way, with
 * every name kept and no unsynced byte (a new file back empty, as ext4 left
 * them), and with everything kept that a crash can keep; and one more drawn
 * from the crash model with the point's own seed.
 */
const OUTCOMES = (seed: number, at: number) => ({ sampleOnly: true, limit: 1, seed: seed + at });

/**
 * Runs `script` once on a copy of `base`, keeping, before every storage call,
 * the disk a crash just then would leave (the calls after it cannot change
 * what was on disk before it), with what the run had acknowledged and
 * installed by then (harness/storage, recordCrashPoints: the write-ahead log
 * is swept the same way). Then recovers each of those disks after each crash
 * of OUTCOMES and hands the recovered tree to `check`. A policy that chooses
 * differently from one run to the next is still swept call by call, since the
 * crash points all come from one run (whether it may is another test's
 * business). Whatever fails is reported with where the crash came and what
 * it did.
 */
function sweep(
  impl: LsmModule,
  options: LsmOptions,
  base: SimStorage,
  seed: number,
  model: Model,
  durable: Version | null,
  script: (strategy: LsmModule, disk: Storage, run: SweepRun) => void,
  check: (recovered: Recovered) => void,
): { calls: number; compactions: number } {
  const run: SweepRun = { trace: { durable, compactions: 0 }, acked: copyModel(model) };
  const sim = base.clone();
  const remember = (): SweepRun => {
    const inflight = run.inflight === undefined ? undefined : { ...run.inflight };
    return { trace: { ...run.trace }, acked: copyModel(run.acked), ...(inflight === undefined ? {} : { inflight }) };
  };
  const { points, error } = recordCrashPoints(sim, (storage) => script(recording(impl, run.trace, options), storage, run), remember, { wrap: (disk) => new Disk(disk as SimStorage) });
  if (error !== undefined) throw error;
  // The last point is after the script's last call: the sweeps here crash only before calls, as they always have.
  for (const point of points.slice(0, -1)) {
    for (const outcome of crashOutcomes(point.disk, OUTCOMES(seed, point.index))) {
      let stage = 'recovery failed: ';
      try {
        let versionCheck: string[] = [];
        const trace: Trace = { durable: null, compactions: 0 };
        const strategy = recording(impl, trace, options, { recover: (version, storage) => (versionCheck = recoveredProblems(point.state.trace, version, storage)) });
        const left = outcome.disk;
        const db = new Db(strategy, new Disk(left.clone()), options);
        stage = '';
        check({ db, run: point.state, versionProblems: versionCheck, crashed: () => left.clone() });
      } catch (error) {
        const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
        throw new Error(`${where(point.index, point.call, outcome.description, point.recent)}${stage}${message}`, { cause: error });
      }
    }
  }
  return { calls: points.length - 1, compactions: run.trace.compactions };
}

const where = (at: number, op: string, crash: string, ops: readonly string[]): string =>
  `crash before storage call ${at + 1} (${op}); ${crash}\n` + `the calls before it: ${[...ops, `✗ ${op}`].join(' · ')}\n`;

const copyModel = (model: Model): Model => {
  const copy = new Model();
  for (const k of model.touched) copy.touched.add(k);
  for (const [k, v] of model.live) copy.live.set(k, v);
  return copy;
};

/** The files `version` lists (its log and every table) that are not on `disk`. */
const missingFiles = (version: Version, disk: Storage): string[] => [version.log, ...version.levels.flat().map((tm) => tm.file)].filter((f) => disk.read(f) === undefined);

/** The tree on any Storage, opened as the grader opens it. */
const openOn = (strategy: LsmModule, storage: Storage, options: LsmOptions): LsmTree => run('LsmTree.open: recover, installVersion', () => LsmTree.open(storage, strategy, options));

/** Opening the tree on a primed disk replays its log, flushes, and compacts: the script of the warm sweeps. */
const reopen =
  (options: LsmOptions) =>
  (strategy: LsmModule, disk: Storage): void => {
    openOn(strategy, disk, options);
  };

/** Small enough that a few dozen writes from an empty disk flush, compact and reach L3. */
const FRESH: LsmOptions = { memtableBytes: 100, l0Trigger: 2, baseLevelBytes: 200, fanout: 2, levels: 4, targetFileBytes: 100 };
/** Keys of the fresh sweep: the empty string and names an object would mistake for its own are keys too. */
const FRESH_KEYS = ['', '__proto__', 'constructor', 'é', '\u{1F600}', ...Array.from({ length: 9 }, (_, i) => key(i))];
const FRESH_WRITES = 36;

/** From an empty disk: open the tree, then puts and deletes (deletes of keys already flushed among them), each acknowledged when it returns. */
const fromEmpty =
  (seed: number) =>
  (strategy: LsmModule, disk: Storage, sweepRun: SweepRun): void => {
    const tree = openOn(strategy, disk, FRESH);
    const rng = new Rng(seed);
    for (let i = 0; i < FRESH_WRITES; i++) {
      const k = FRESH_KEYS[rng.int(0, FRESH_KEYS.length - 1)]!;
      const value = rng.int(0, 2) === 0 && sweepRun.acked.live.has(k) ? null : `f${i}`;
      sweepRun.inflight = { key: k, value };
      if (value === null) run(`delete ${JSON.stringify(k)}`, () => tree.delete(k));
      else run(`put ${JSON.stringify(k)}`, () => tree.put(k, value));
      if (value === null) sweepRun.acked.delete(k);
      else sweepRun.acked.put(k, value);
      sweepRun.inflight = undefined;
    }
  };

/** Reads that match neither the acknowledged writes nor those plus the write under way. */
function lostOrResurrected({ db, run }: Recovered): string[] {
  const wrong = readMismatches(db, run.acked, 4);
  if (wrong.length === 0 || run.inflight === undefined) return wrong;
  const withIt = copyModel(run.acked);
  if (run.inflight.value === null) withIt.delete(run.inflight.key);
  else withIt.put(run.inflight.key, run.inflight.value);
  withIt.touched.add(run.inflight.key);
  return readMismatches(db, withIt, 4).length === 0 ? [] : wrong;
}

const SWEEP_OPTIONS: readonly LsmOptions[] = [SMALL, { ...SMALL, l0Trigger: 2, fanout: 2, levels: 5 }];

/** Runs compact on L0 tables holding `inputs` and one L1 table holding `below` (if any), and checks its outputs against `expectedOutputs`. */
function checkOutputs(impl: Db['impl'], inputs: readonly (readonly Entry[])[], below: readonly Entry[], dropTombstones: boolean, target: number): void {
  const sim = new SimStorage();
  let n = 10;
  const stored = (entries: readonly Entry[]) => {
    const t = writeTable(sim, tableFileName(n++), entries);
    sim.sync(t.file);
    return t;
  };
  const l0 = inputs.filter((r) => r.length > 0).map(stored);
  const l1 = below.length > 0 ? [stored(below)] : [];
  sim.syncDirectory();
  if (l0.length === 0) return;
  const options: LsmOptions = { ...SMALL, targetFileBytes: target };
  const version: Version = { levels: [l0, l1, [], []], nextFile: n, lastSeq: 1_000_000, log: '000001.log' };
  const disk = new Disk(sim);
  const after = run('compact', () => impl.compact(disk, version, { level: 0, inputs: l0, overlapping: l1, dropTombstones }, options));
  const got = (after.levels[1] ?? []).map((t) => readTable(disk, t.file));
  const want = expectedOutputs([...inputs, below], dropTombstones, target);
  const sizes = (tables: readonly (readonly Entry[])[]) => `[${tables.map((t) => `${t.length} entries, ${t.reduce((sum, e) => sum + entryBytes(e), 0)} B`).join('; ')}]`;
  expect(
    got,
    `with targetFileBytes = ${target}, the outputs in L1 hold ${sizes(got)}; expected ${sizes(want)}: ` +
      'each table at most targetFileBytes bytes of entries (entryBytes) and at least one entry, and a new table only where the next entry would not fit',
  ).toEqual(want);
}

/**
 * Runs for checkOutputs: keys of 4 characters, values of 0 to 12 characters of
 * 1, 2, 3 or 4 bytes in UTF-8 (entryBytes counts bytes, not string length),
 * some tombstones; seqs unique per key across runs.
 */
const VALUE_CHARS = ['x', 'é', '日', '\u{1F600}'];
const outputRunsArb = fc
  .tuple(
    fc.array(
      fc.uniqueArray(
        fc.record({ key: fc.integer({ min: 0, max: 59 }), seq: fc.integer({ min: 1, max: 100_000 }), length: fc.integer({ min: -1, max: 12 }), char: fc.nat({ max: VALUE_CHARS.length - 1 }) }),
        { selector: (e) => e.key, maxLength: 40 },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.boolean(),
    fc.integer({ min: 13, max: 160 }),
  )
  .map(([raw, dropTombstones, target]) => {
    const runs = raw.map((r, i) =>
      r.map((e): Entry => ({ key: key(e.key), seq: e.seq * 8 + i, value: e.length < 0 ? null : VALUE_CHARS[e.char]!.repeat(e.length) })).sort((a, b) => compareKeys(a.key, b.key)),
    );
    // The last run is the L1 table below the inputs, if there is more than one.
    const [inputs, below] = runs.length > 1 ? [runs.slice(0, -1), runs[runs.length - 1]!] : [runs, []];
    return { inputs, below, dropTombstones, target };
  });

/** Keys of hand-built tables: the empty string, names an object would mistake for its own, and code-unit order at work. */
const CASE_KEYS = ['', '__proto__', 'constructor', 'Z', 'a', 'é', '\u{1F600}', '\uFFFD', ...Array.from({ length: 24 }, (_, i) => key(i))].sort(compareKeys);
/** The largest seq a table can store (format.ts writes it as an unsigned 32-bit integer). */
const MAX_TABLE_SEQ = 4_294_967_295;

const valueArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constant('y'.repeat(120)) },
);
const tableArb = (maxLength: number) =>
  fc.uniqueArray(fc.record({ key: fc.nat({ max: CASE_KEYS.length - 1 }), value: valueArb }), { selector: (e) => e.key, minLength: 1, maxLength });

/** A hand-built tree and a compaction on it: any level, any table, either dropTombstones, every option at the ends of its range. */
const compactCaseArb = fc.record({
  levels: fc.integer({ min: 2, max: 6 }),
  l0: fc.array(tableArb(8), { maxLength: 3 }),
  deeper: fc.array(fc.tuple(tableArb(20), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 6, maxLength: 6 })), { minLength: 5, maxLength: 5 }),
  allTombstones: fc.boolean(),
  seqs: fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('low', 'top')),
  level: fc.nat(),
  table: fc.nat(),
  dropTombstones: fc.boolean(),
  targetFileBytes: fc.oneof(fc.constant(1), fc.integer({ min: 13, max: 200 }), fc.constant(Number.MAX_SAFE_INTEGER)),
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.constant(Number.MAX_SAFE_INTEGER - 1_000_000)),
  /** Whether compact is handed the compaction as the policy built it (the version's own tables) or an equal copy (a table is its file). */
  copied: fc.boolean(),
});

function buildCase(spec: typeof compactCaseArb extends fc.Arbitrary<infer T> ? T : never): { sim: SimStorage; version: Version; compaction: { level: number; inputs: TableMeta[]; overlapping: TableMeta[]; dropTombstones: boolean }; options: LsmOptions } {
  const sim = new SimStorage();
  const rng = new Rng(spec.seqs[0]);
  const raw: { key: number; value: string | null }[][][] = [spec.l0];
  for (const [entries, cuts] of spec.deeper.slice(0, spec.levels - 1)) {
    const sorted = [...entries].sort((x, y) => compareKeys(CASE_KEYS[x.key]!, CASE_KEYS[y.key]!));
    const tables: { key: number; value: string | null }[][] = [];
    for (let i = 0, c = 0; i < sorted.length; c++) {
      const size = cuts[c % cuts.length]!;
      tables.push(sorted.slice(i, i + size));
      i += size;
    }
    raw.push(tables);
  }
  while (raw.length < spec.levels) raw.push([]);
  // Unique seqs in a random order: the newest version of a key may lie in any level.
  const count = raw.flat(2).length;
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const base = spec.seqs[1] === 'top' ? MAX_TABLE_SEQ - count - 1 : 0;
  let next = 0;
  let n = 10;
  const levels: TableMeta[][] = raw.map((tables) =>
    tables.map((entries) => {
      const rows = entries.map((e): Entry => ({ key: CASE_KEYS[e.key]!, seq: base + 1 + order[next++]!, value: spec.allTombstones ? null : e.value })).sort((x, y) => compareKeys(x.key, y.key));
      const meta = writeTable(sim, tableFileName(n++), rows);
      sim.sync(meta.file);
      return meta;
    }),
  );
  // L0 lists its newest table (the highest file number) first, as format.ts says.
  levels[0]!.reverse();
  const log = logFileName(n++);
  sim.write(log, new Uint8Array(0));
  sim.sync(log);
  sim.syncDirectory();
  const eligible = levels.slice(0, -1).flatMap((tables, i) => (tables.length > 0 ? [i] : []));
  if (eligible.length === 0) {
    // Nothing to compact anywhere above the bottom: give L0 a table.
    const meta = writeTable(sim, tableFileName(n++), [{ key: CASE_KEYS[0]!, seq: base + count + 1, value: spec.allTombstones ? null : 'only' }]);
    sim.sync(meta.file);
    sim.syncDirectory();
    levels[0]!.push(meta);
    eligible.push(0);
  }
  const level = eligible[spec.level % eligible.length]!;
  const inputs = level === 0 ? [...levels[0]!] : [levels[level]![spec.table % levels[level]!.length]!];
  const range = keyRange(inputs);
  const below = overlapping(levels[level + 1]!, range.smallest, range.largest);
  const options: LsmOptions = { ...SMALL, levels: spec.levels, targetFileBytes: spec.targetFileBytes };
  const version: Version = { levels, nextFile: n + spec.gap, lastSeq: base + count + 1 + rng.int(0, 5), log };
  return { sim, version, compaction: { level, inputs, overlapping: below, dropTombstones: spec.dropTombstones }, options };
}

suite.task(3, () => {
  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'installVersion is atomic: a crash at any storage call inside it leaves the old version or the new one, and once it returns the new one survives any crash',
      clauses: ['LSM-3.10'],
      hint: 'Rewriting a file in place is not atomic: a crash can leave old bytes, new bytes, or a prefix of them (ext4 famously left zero-length files). Write the new manifest to a temporary file, sync it, rename it over the old one, then sync the directory: a rename is all or nothing, and the sync before it makes sure the name never points at unwritten bytes (Pillai et al., OSDI 2014, "All File Systems Are Not Created Equal").',
    },
    () => {
      const impl = suite.impl();
      const sim = new SimStorage();
      const tables = [1, 2, 3].map((n) => {
        const t = writeTable(sim, tableFileName(10 + n), [{ key: key(n), seq: n, value: `v${n}` }]);
        sim.sync(t.file);
        return t;
      });
      sim.syncDirectory();
      const levels = (l1: typeof tables) => [[], l1, [], []];
      const v1: Version = { levels: levels(tables.slice(0, 2)), nextFile: 13, lastSeq: 2, log: '000005.log' };
      const v2: Version = { levels: levels(tables.slice(1)), nextFile: 14, lastSeq: 3, log: '000006.log' };
      run('installVersion (first version)', () => impl.installVersion(new Disk(sim), v1));
      const same = (a: Version | null, b: Version) => JSON.stringify(a) === JSON.stringify(b);
      for (let at = 0; ; at++) {
        const disk = new Disk(sim.clone(), at);
        try {
          run('installVersion', () => impl.installVersion(disk, v2));
        } catch (error) {
          if (!(error instanceof SimulatedCrash)) throw error;
        }
        const finished = !disk.crashed;
        for (const crash of [{ kind: 'process' }, { kind: 'power-worst' }, { kind: 'power-names' }, ...[1, 2, 3, 4, 5].map((s) => ({ kind: 'power', seed: 31 * at + s }))] as CrashKind[]) {
          const what = finished ? `after installVersion returned (${opsOf(disk).join(' · ')}); ${describeCrash(crash)}` : `crash before storage call ${at + 1} of installVersion (${opsOf(disk).join(' · ')} · ✗); ${describeCrash(crash)}`;
          let got: Version | null;
          try {
            got = run('recover', () => impl.recover(new Disk(afterCrash(simOf(disk), crash))));
          } catch (error) {
            throw new Error(`${what}: recover failed: ${(error as Error).message}`, { cause: error });
          }
          if (finished) expect(same(got, v2), `${what}: recover should return the new version, got ${JSON.stringify(got)}`).toBe(true);
          else expect(same(got, v1) || same(got, v2), `${what}: recover should return the old or the new version, got ${JSON.stringify(got)}`).toBe(true);
        }
        if (finished) break;
        if (at > 100) throw new Error('installVersion made more than 100 storage calls');
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'recover returns null on a disk no install finished on, and leaves it empty; otherwise the version installed last, every field exactly as it was installed, however often it is asked',
      clauses: ['LSM-3.13', 'LSM-3.14', 'LSM-3.8'],
      hint: 'Read your manifest back with decodeManifest and return what it holds, every field as it was given to installVersion (do not rebuild lastSeq or nextFile from the tables); a disk with no manifest has never had a version installed, and whatever an unfinished first install left on it goes before recover returns null.',
    },
    (t) => {
      const impl = suite.impl();
      const disk = new Disk();
      expect(run('recover', () => impl.recover(disk)), 'recover on an empty disk').toBeNull();
      expect(disk.list(), 'the empty disk after recover').toEqual([]);

      // A first install that never finished: recover finds the first version, or none and removes what the install left.
      const first: Version = { levels: [[], [], [], []], nextFile: 2, lastSeq: 0, log: logFileName(1) };
      for (let at = 0; ; at++) {
        const sim = new SimStorage();
        sim.write(first.log, new Uint8Array(0));
        sim.sync(first.log);
        const crashing = new Disk(sim, at);
        try {
          run('installVersion (the first)', () => impl.installVersion(crashing, snapshot(first)));
        } catch (error) {
          if (!(error instanceof SimulatedCrash)) throw error;
        }
        if (!crashing.crashed) break;
        for (const crash of [{ kind: 'process' }, { kind: 'power-worst' }, { kind: 'power-names' }, ...[1, 2, 3, 4].map((s) => ({ kind: 'power', seed: 97 * at + s }))] as CrashKind[]) {
          const after = new Disk(afterCrash(sim, crash));
          const what = `a crash before storage call ${at + 1} of the first installVersion (${opsOf(crashing).join(' · ')} · ✗); ${describeCrash(crash)}`;
          let got: Version | null;
          try {
            got = run('recover', () => impl.recover(after));
          } catch (error) {
            throw new Error(`${what}: recover failed: ${(error as Error).message}`, { cause: error });
          }
          if (got === null) expect(after.list(), `${what}: recover returned null, so the disk should be left empty`).toEqual([]);
          else expect(canon(got), `${what}: recover should return null or the version being installed`).toBe(canon(first));
        }
        if (at > 100) throw new Error('installVersion made more than 100 storage calls');
      }

      // Versions with every field at the ends of its range, each installed over the last.
      const sim = new SimStorage();
      let n = 10;
      const stored = (keys: readonly string[], seq: number): TableMeta => {
        const t = writeTable(sim, tableFileName(n++), keys.map((k, i) => ({ key: k, seq: seq + i, value: i % 3 === 2 ? null : i % 3 === 1 ? '' : `v${k}` })));
        sim.sync(t.file);
        return t;
      };
      const odd = ['', '__proto__', 'constructor', 'é', '\u{1F600}', '\uFFFD'].sort(compareKeys);
      const a = stored(odd, 1);
      const b = stored([key(1), key(2), key(3)], 100);
      const c = stored([key(5)], 4_294_967_295);
      const d = stored([key(0), key(9)], 7);
      const logs = [logFileName(n++), logFileName(n++), logFileName(n++), logFileName(n++)];
      for (const log of logs) {
        sim.write(log, Uint8Array.of(1, 2, 3));
        sim.sync(log);
      }
      sim.syncDirectory();
      const versions: Version[] = [
        { levels: [[a, d], []], nextFile: n, lastSeq: 0, log: logs[0]! },
        { levels: [[d], [a], [b, c], [], [], [], [], []], nextFile: Number.MAX_SAFE_INTEGER, lastSeq: Number.MAX_SAFE_INTEGER, log: logs[1]! },
        { levels: [[], [], [], [a, b, c]], nextFile: n + t.rng.int(1, 1000), lastSeq: 4_294_967_295 + t.rng.int(1, 1000), log: logs[2]! },
        { levels: [[c, b, a], [d], [], []], nextFile: 1_000_000_007, lastSeq: 12, log: logs[3]! },
      ];
      const installed = new Disk(sim);
      for (const v of versions) {
        const given = snapshot(v);
        run('installVersion', () => impl.installVersion(installed, given));
        expect(canon(given), 'installVersion left the version it was given as it was').toBe(canon(v));
        for (const crash of [{ kind: 'process' }, { kind: 'power-worst' }] as CrashKind[]) {
          const after = new Disk(afterCrash(sim, crash));
          const got = run('recover', () => impl.recover(after));
          expect(got, `recover after installing ${canon(v)} (${describeCrash(crash)})`).toEqual(v);
          expect(canon(got), 'every field, and nothing more').toBe(canon(v));
          expect(canon(run('recover', () => impl.recover(after))), 'recover asked a second time').toBe(canon(v));
        }
      }
    },
  );

  suite.test(
    {
      points: 6,
      category: 'faults',
      name: 'a crash at any storage call of a flush and the compactions it starts loses no acknowledged write and brings back no deleted key',
      clauses: ['LSM-3.4', 'LSM-3.7', 'LSM-3.9', 'LSM-3.10'],
      hint: 'Order is everything (LevelDB doc/impl.md, "Compactions" and "Recovery"): write and sync every output, then make the new version durable in one atomic step, and only then remove the inputs. A crash before the switch must find the old version with all its files; after it, the new one with all of its.',
      deadlineMs: 30_000,
    },
    (t) => {
      for (const [i, options] of SWEEP_OPTIONS.entries()) {
        const { disk, model, version } = primedDisk(suite.impl(), options, t.seed + i);
        const { compactions } = sweep(suite.impl(), options, disk, t.seed + i, model, version, reopen(options), (recovered) => {
          const wrong = lostOrResurrected(recovered);
          if (wrong.length > 0) throw new Error(`${wrong.join('\n')}\nthe recovered version:\n${describeVersion(recovered.db.version)}`);
        });
        expect(compactions, `compactions started by the flush being crashed (${JSON.stringify(options)})`).toBeGreaterThan(0);
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'from a fresh disk, a crash at any storage call, from the very first one on, loses no acknowledged write and brings back no deleted key',
      clauses: ['LSM-3.9', 'LSM-3.10', 'LSM-3.13', 'LSM-0.6'],
      hint: 'The first calls count too: LsmTree.open on an empty disk calls your recover (which finds nothing), creates the first log and installs the first version with your installVersion; a crash in between must leave a disk on which recover returns null or that first version, never a manifest that is not whole. Then every put is acknowledged once it returns, even while the tree holds only a few tables.',
      deadlineMs: 30_000,
    },
    (t) => {
      const { compactions } = sweep(suite.impl(), FRESH, new SimStorage(), t.seed, new Model(), null, fromEmpty(t.seed), (recovered) => {
        const wrong = lostOrResurrected(recovered);
        if (wrong.length > 0) throw new Error(`${wrong.join('\n')}\nthe recovered version:\n${describeVersion(recovered.db.version)}`);
      });
      expect(compactions, `compactions on the way from the empty disk (${JSON.stringify(FRESH)})`).toBeGreaterThan(1);
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'after a crash at any storage call, from a fresh disk or a warm tree, recover returns exactly the version installed last or the one being installed, every field as it was',
      clauses: ['LSM-3.9', 'LSM-3.10', 'LSM-3.13', 'LSM-3.6'],
      hint: 'recover returns what installVersion made durable, field by field, and the same again when asked again (so whatever it trusts, it leaves on disk, under the name it reads next time): the levels with every table’s metadata, nextFile, lastSeq and log, as the version was when it was installed. A crash inside an install may leave the old version or the new one; inside a compaction, the old one or the very version compact would have returned. Recomputing a field on the way back (lastSeq from the tables, nextFile from the files on disk) gives a version that was never installed.',
      deadlineMs: 30_000,
    },
    (t) => {
      const exact = ({ versionProblems: problems, crashed }: Recovered): void => {
        if (problems.length > 0) throw new Error(problems.join('\n'));
        // Asked again on the same disk, with nothing in between, recover returns the same version, and every file it lists is still there.
        const disk = new Disk(crashed());
        const first = run('recover', () => suite.impl().recover(disk));
        const second = run('recover, asked a second time', () => suite.impl().recover(disk));
        if (canon(second) !== canon(first)) {
          throw new Error(`recover asked a second time on the same disk returned another version:\nfirst:\n${first === null ? 'null' : describeVersion(first)}\nsecond:\n${second === null ? 'null' : describeVersion(second)}\nfiles: ${disk.list().join(', ')}`);
        }
        const gone = second === null ? [] : missingFiles(second, disk);
        if (gone.length > 0) throw new Error(`after recover ran twice, the version it returns lists ${gone.join(', ')}, which are not on disk\n${describeVersion(second!)}`);
      };
      sweep(suite.impl(), FRESH, new SimStorage(), t.seed + 200, new Model(), null, fromEmpty(t.seed + 200), exact);
      const { disk, model, version } = primedDisk(suite.impl(), SMALL, t.seed + 201);
      sweep(suite.impl(), SMALL, disk, t.seed + 201, model, version, reopen(SMALL), exact);
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'after recovery from a crash at any storage call, from a fresh disk or a warm tree, only the manifest and the files its version lists remain, as soon as recover returns: no orphan outlives a restart',
      clauses: ['LSM-3.12', 'LSM-3.14'],
      hint: 'A crash leaves outputs no version lists (the switch never happened) or inputs the new version dropped (the removes never happened), and perhaps a temporary manifest. recover knows which files the version lists; it removes every other .sst and .log, and any leftover of an unfinished install (LevelDB DBImpl::RemoveObsoleteFiles).',
      deadlineMs: 30_000,
    },
    (t) => {
      const noOrphans = ({ db, crashed }: Recovered): void => {
        // Right after recover returns, before the engine writes anything: the tree's next log may take the very name of an orphan.
        const disk = new Disk(crashed());
        const version = run('recover', () => suite.impl().recover(disk));
        if (version === null) {
          if (disk.list().length > 0) throw new Error(`recover returned null (no install finished) but left ${disk.list().join(', ')} on disk`);
        } else {
          const strays = orphans(version, disk);
          if (strays.length > 0) throw new Error(`right after recover returned, the disk still holds ${strays.join(', ')}, which its version does not list\nfiles: ${disk.list().join(', ')}\n${describeVersion(version)}`);
          const gone = missingFiles(version, disk);
          if (gone.length > 0) throw new Error(`right after recover returned, its version lists ${gone.join(', ')}, which are not on disk\n${describeVersion(version)}`);
        }
        const gone = [db.version.log, ...db.version.levels.flat().map((tm) => tm.file)].filter((f) => db.disk.read(f) === undefined);
        if (gone.length > 0) throw new Error(`after recovery the version lists ${gone.join(', ')}, which recover removed: it removes only what the version does not need\nfiles: ${db.disk.list().join(', ')}\n${describeVersion(db.version)}`);
        const left = orphans(db.version, db.disk);
        if (left.length > 0) {
          throw new Error(`after recovery the disk still holds ${left.join(', ')}, which the version does not list\nfiles: ${db.disk.list().join(', ')}\n${describeVersion(db.version)}`);
        }
      };
      sweep(suite.impl(), FRESH, new SimStorage(), t.seed + 50, new Model(), null, fromEmpty(t.seed + 50), noOrphans);
      for (const [i, options] of SWEEP_OPTIONS.entries()) {
        const { disk, model, version } = primedDisk(suite.impl(), options, t.seed + 100 + i);
        sweep(suite.impl(), options, disk, t.seed + 100 + i, model, version, reopen(options), noOrphans);
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'compact cuts its output into tables of at most targetFileBytes bytes of entries, filling each table before it starts the next',
      clauses: ['LSM-3.2'],
      hint: 'Step 2 of compact: keep adding entries to the current table while the next one still fits (the table\u2019s entryBytes plus the next entry\u2019s at most targetFileBytes, so a table of exactly targetFileBytes is full), then start a new one; an entry larger than the target gets a table of its own. One table for the whole merge makes every later compaction of its level rewrite all of it; LevelDB\u2019s DBImpl::DoCompactionWork starts a new output file once the current one reaches MaxOutputFileSize.',
    },
    (t) => {
      const impl = suite.impl();
      // Every entry takes exactly 20 bytes and the target is 100: six full tables of five, none cut early.
      const entries = (from: number, to: number, seq: number, value: string): Entry[] =>
        Array.from({ length: to - from + 1 }, (_, i) => ({ key: key(from + i), seq: seq + i, value }));
      checkOutputs(impl, [entries(0, 19, 1, 'old'), entries(10, 29, 100, 'new')], entries(5, 24, 50, 'mid'), false, 100);
      t.check(
        fc.property(outputRunsArb, ({ inputs, below, dropTombstones, target }) => checkOutputs(impl, inputs, below, dropTombstones, target)),
        { numRuns: 100 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'compact returns the version its compaction describes, every field, installs it durably, removes its input files only then, and leaves its arguments as they were',
      clauses: ['LSM-3.1', 'LSM-3.3', 'LSM-3.5', 'LSM-3.6', 'LSM-3.7', 'LSM-3.8', 'LSM-3.9', 'LSM-0.5'],
      hint: 'Steps 2 to 4 of compact, field by field: outputs named tableFileName(n) from version.nextFile up, with the metadata writeTable returned; the inputs gone from level, the overlapping tables gone from level + 1 and the outputs in their place, sorted by key; every other level exactly as it was; nextFile past the outputs; lastSeq and log unchanged (lastSeq is not the highest seq left in the tables: a dropped tombstone may have carried it). Find the inputs and overlapping tables by their file names (the compaction may hold equal copies rather than the version\u2019s own objects), and build the new version from copies, never by changing the one you were given.',
      deadlineMs: 20_000,
    },
    (t) => {
      const impl = suite.impl();
      const seen = { empty: 0, deeper: 0, l0: 0, crashPoints: 0 };
      t.check(
        fc.property(compactCaseArb, (spec) => {
          const { sim, version, compaction, options } = buildCase(spec);
          const disk = new Disk(sim);
          run('installVersion (the version before the compaction)', () => impl.installVersion(disk, snapshot(version)));
          const c: CompactionCase = { before: snapshot(version), compaction: snapshot(compaction), options, runs: [...compaction.inputs, ...compaction.overlapping].map((tm) => readTable(disk, tm.file)) };
          const given = spec.copied ? snapshot(compaction) : compaction;
          const pristine = sim.clone();
          const opsBefore = opsOf(disk).length;
          const after = run('compact', () => impl.compact(disk, version, given, options));
          const calls = opsOf(disk).length - opsBefore;
          const what = `a compaction of L${compaction.level}${spec.copied ? ', given as an equal copy of the tables the version lists,' : ''} (inputs ${compaction.inputs.map((tm) => tm.file).join(', ')}; overlapping ${compaction.overlapping.map((tm) => tm.file).join(', ') || 'none'}; dropTombstones ${compaction.dropTombstones}) with ${JSON.stringify(options)}\nthe version before:\n${describeVersion(c.before)}`;
          expect(canon(version), `compact changed the version it was given; ${what}`).toBe(canon(c.before));
          expect(canon(given), `compact changed the compaction it was given; ${what}`).toBe(canon(c.compaction));
          const problems = compactionProblems(c, after, disk);
          if (problems.length > 0) throw new Error(`${problems.join('\n')}\n${what}\nthe version compact returned:\n${describeVersion(after)}`);
          const left = [...c.compaction.inputs, ...c.compaction.overlapping].map((tm) => tm.file).filter((f) => disk.read(f) !== undefined);
          expect(left, `input and overlapping files still on disk after compact returned; ${what}`).toEqual([]);
          const strays = orphans(after, disk);
          expect(strays, `files on disk that the new version does not list; ${what}`).toEqual([]);
          const durable = run('recover', () => impl.recover(new Disk(sim.durableCopy())));
          expect(canon(durable), `after compact returned, the worst crash: recover should return the version compact returned; ${what}`).toBe(canon(after));
          // The same compaction again from the same disk, crashed before one of its storage calls: every call of a short one, and of a long one
          // (an output per entry) the first ten, the last twenty (the install and the removes) and every seventh.
          for (let at = 0; at < calls; at++) {
            if (calls > 40 && at >= 10 && at < calls - 20 && at % 7 !== 0) continue;
            const crashing = new Disk(pristine.clone(), at);
            try {
              run('compact', () => impl.compact(crashing, snapshot(version), snapshot(compaction), options));
            } catch (error) {
              if (!(error instanceof SimulatedCrash)) throw error;
            }
            if (!crashing.crashed) break;
            for (const crash of [{ kind: 'process' }, { kind: 'power-worst' }, { kind: 'power-names' }, { kind: 'power', seed: 31 * at + 7 }] as CrashKind[]) {
              const left = new Disk(afterCrash(simOf(crashing), crash));
              const how = `a crash before storage call ${at + 1} of ${calls} (${opsOf(crashing).slice(-4).join(' · ')} · ✗); ${describeCrash(crash)}; ${what}`;
              const got = run('recover', () => impl.recover(left));
              expect(canon(got) === canon(c.before) || canon(got) === canon(after), `${how}\nrecover should return the old version or the one compact returns, got:\n${got === null ? 'null' : describeVersion(got)}`).toBe(true);
              expect(missingFiles(got!, left), `${how}\nfiles the recovered version lists that are not on disk: the inputs go only once the new version is installed`).toEqual([]);
            }
            seen.crashPoints++;
          }
          if (after.levels[compaction.level + 1]!.length === c.before.levels[compaction.level + 1]!.length - compaction.overlapping.length) seen.empty++;
          seen[compaction.level === 0 ? 'l0' : 'deeper']++;
        }),
        { numRuns: 120 },
      );
      expect(Math.min(seen.empty, seen.deeper, seen.l0), `cases of each kind (no output ${seen.empty}, L0 ${seen.l0}, deeper ${seen.deeper})`).toBeGreaterThan(3);
      expect(seen.crashPoints, 'crash points swept inside compact').toBeGreaterThan(100);
    },
  );

  suite.test(
    {
      points: 5,
      category: 'faults',
      name: 'through random puts, deletes, flushes, compactions and crashes of every kind on two trees at once, every read matches a Map of that tree’s acknowledged writes, and every version, field by field, is the one its operations describe',
      clauses: ['LSM-0.3', 'LSM-0.4', 'LSM-0.5', 'LSM-0.6', 'LSM-3.6', 'LSM-3.9', 'LSM-3.13'],
      hint: 'A write is acknowledged when put or delete returns (the engine has synced the log). After any crash, recovery must give back all of them and nothing deleted; if only some crashes break it, look at what your code has not synced, or syncs too late, at that point.',
      deadlineMs: 30_000,
    },
    (t) => {
      t.check(
        fc.property(treesArb, commandsArb(true), (trees, cmds) => runCommands(suite.impl(), trees, cmds, true)),
        { numRuns: 35 },
      );
    },
  );
});
