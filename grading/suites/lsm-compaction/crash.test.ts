/**
 * Task 3 — installing the result crash-safely. The disk crashes at every
 * storage call of a flush and the compactions it starts, in each of three
 * ways (the process dies and the disk keeps everything; power fails and the
 * disk loses everything unsynced; power fails and it loses a random part of
 * it), and the recovered tree must hold every acknowledged write, no deleted
 * key, and no leftover file. Then installVersion alone, recover alone, and
 * random command sequences with crashes among them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng, SimStorage } from '../../../harness';
import { commandsArb, runCommands } from './commands';
import { compareKeys, entryBytes, logFileName, overlapping, keyRange, readTable, tableFileName, writeTable, type TableMeta } from '../../../exercises/lsm-compaction/format';
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
function primedDisk(impl: Db['impl'], options: LsmOptions, seed: number): { disk: SimStorage; model: Model } {
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
  return { disk: simOf(db.disk), model };
}

/** One run of a sweep: what the crashed run had acknowledged and installed when it stopped. */
interface SweepRun {
  readonly trace: Trace;
  /** Every write whose put or delete returned. */
  readonly acked: Model;
  /** The write under way, if any: it may or may not survive. */
  inflight?: { key: string; value: string | null };
}

/** What a check gets: the recovered tree, the run that crashed, and what was wrong with the version recover returned. */
interface Recovered {
  readonly db: Db;
  readonly run: SweepRun;
  readonly versionProblems: readonly string[];
}

const CRASH_KINDS = (seed: number, at: number): CrashKind[] => [{ kind: 'process' }, { kind: 'power-worst' }, { kind: 'power', seed: seed + at }, { kind: 'power', seed: seed + at + 7919 }];

/**
 * Runs `script` on a copy of `base` with a crash before storage call k, for
 * k = 0, 1, 2, … until a run makes all its calls without reaching its crash
 * point; recovers each crashed disk in each crash kind and hands the
 * recovered tree to `check`. The crash points follow each run's own calls, so
 * a policy that chooses differently from one run to the next is still swept
 * call by call (whether it may is another test's business). Whatever fails is
 * reported with where the crash came and what it did.
 */
function sweep(
  impl: LsmModule,
  options: LsmOptions,
  base: SimStorage,
  seed: number,
  model: Model,
  script: (strategy: LsmModule, disk: Disk, run: SweepRun) => void,
  check: (recovered: Recovered) => void,
): { calls: number; compactions: number } {
  for (let at = 0; ; at++) {
    const run: SweepRun = { trace: { durable: null, compactions: 0 }, acked: copyModel(model) };
    const crashing = new Disk(base.clone(), at);
    let refused = '';
    try {
      script(recording(impl, run.trace, options), crashing, run);
    } catch (error) {
      if (!(error instanceof SimulatedCrash) || !crashing.crashed) throw error;
      refused = error.message.replace(/^crash before storage call \d+: /, '');
    }
    if (!crashing.crashed) return { calls: at, compactions: run.trace.compactions };
    if (at > 5000) throw new Error('more than 5000 storage calls in one sweep: does the tree ever settle?');
    for (const crash of CRASH_KINDS(seed, at)) {
      let stage = 'recovery failed: ';
      try {
        let versionCheck: string[] = [];
        const trace: Trace = { durable: null, compactions: 0 };
        const strategy = recording(impl, trace, options, { recover: (version, storage) => (versionCheck = recoveredProblems(run.trace, version, storage)) });
        const db = new Db(strategy, new Disk(afterCrash(simOf(crashing), crash)), options);
        stage = '';
        check({ db, run, versionProblems: versionCheck });
      } catch (error) {
        const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
        throw new Error(`${where(at, refused, crash, opsOf(crashing))}${stage}${message}`, { cause: error });
      }
    }
  }
}

const where = (at: number, op: string, crash: CrashKind, ops: readonly string[]): string =>
  `crash before storage call ${at + 1} (${op}); ${describeCrash(crash)}\n` + `the calls before it: ${ops.slice(Math.max(0, at - 5)).join(' · ')} · ✗ ${op}\n`;

const copyModel = (model: Model): Model => {
  const copy = new Model();
  for (const k of model.touched) copy.touched.add(k);
  for (const [k, v] of model.live) copy.live.set(k, v);
  return copy;
};

/** Opening the tree on a primed disk replays its log, flushes, and compacts: the script of the warm sweeps. */
const reopen =
  (options: LsmOptions) =>
  (strategy: LsmModule, disk: Disk): void => {
    new Db(strategy, disk, options);
  };

/** Small enough that a few dozen writes from an empty disk flush, compact and reach L3. */
const FRESH: LsmOptions = { memtableBytes: 100, l0Trigger: 2, baseLevelBytes: 200, fanout: 2, levels: 4, targetFileBytes: 100 };
/** Keys of the fresh sweep: the empty string and names an object would mistake for its own are keys too. */
const FRESH_KEYS = ['', '__proto__', 'constructor', 'é', '\u{1F600}', ...Array.from({ length: 9 }, (_, i) => key(i))];
const FRESH_WRITES = 36;

/** From an empty disk: open the tree, then puts and deletes (deletes of keys already flushed among them), each acknowledged when it returns. */
const fromEmpty =
  (seed: number) =>
  (strategy: LsmModule, disk: Disk, run: SweepRun): void => {
    const db = new Db(strategy, disk, FRESH);
    const rng = new Rng(seed);
    for (let i = 0; i < FRESH_WRITES; i++) {
      const k = FRESH_KEYS[rng.int(0, FRESH_KEYS.length - 1)]!;
      const value = rng.int(0, 2) === 0 && run.acked.live.has(k) ? null : `f${i}`;
      run.inflight = { key: k, value };
      if (value === null) db.delete(k);
      else db.put(k, value);
      if (value === null) run.acked.delete(k);
      else run.acked.put(k, value);
      run.inflight = undefined;
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

/** Runs for checkOutputs: keys of 4 characters, values of 0 to 12, some tombstones; seqs unique per key across runs. */
const outputRunsArb = fc
  .tuple(
    fc.array(fc.uniqueArray(fc.record({ key: fc.integer({ min: 0, max: 59 }), seq: fc.integer({ min: 1, max: 100_000 }), length: fc.integer({ min: -1, max: 12 }) }), { selector: (e) => e.key, maxLength: 40 }), { minLength: 1, maxLength: 4 }),
    fc.boolean(),
    fc.integer({ min: 13, max: 160 }),
  )
  .map(([raw, dropTombstones, target]) => {
    const runs = raw.map((r, i) =>
      r.map((e): Entry => ({ key: key(e.key), seq: e.seq * 8 + i, value: e.length < 0 ? null : 'x'.repeat(e.length) })).sort((a, b) => compareKeys(a.key, b.key)),
    );
    // The last run is the L1 table below the inputs, if there is more than one.
    const [inputs, below] = runs.length > 1 ? [runs.slice(0, -1), runs[runs.length - 1]!] : [runs, []];
    return { inputs, below, dropTombstones, target };
  });

suite.task(3, () => {
  suite.test(
    {
      points: 7,
      category: 'faults',
      name: 'a crash at any storage call of a flush and the compactions it starts loses no acknowledged write and brings back no deleted key',
      clauses: ['LSM-3.4', 'LSM-3.7', 'LSM-3.9', 'LSM-3.10'],
      hint: 'Order is everything (LevelDB doc/impl.md, "Compactions" and "Recovery"): write and sync every output, then make the new version durable in one atomic step, and only then remove the inputs. A crash before the switch must find the old version with all its files; after it, the new one with all of its.',
      deadlineMs: 30_000,
    },
    (t) => {
      for (const [i, options] of SWEEP_OPTIONS.entries()) {
        const { disk, model } = primedDisk(suite.impl(), options, t.seed + i);
        const { compactions } = sweep(suite.impl(), options, disk, t.seed + i, model, reopen(options), (recovered) => {
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
      const { compactions } = sweep(suite.impl(), FRESH, new SimStorage(), t.seed, new Model(), fromEmpty(t.seed), (recovered) => {
        const wrong = lostOrResurrected(recovered);
        if (wrong.length > 0) throw new Error(`${wrong.join('\n')}\nthe recovered version:\n${describeVersion(recovered.db.version)}`);
      });
      expect(compactions, `compactions on the way from the empty disk (${JSON.stringify(FRESH)})`).toBeGreaterThan(2);
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'after a crash at any storage call, from a fresh disk or a warm tree, recover returns exactly the version installed last or the one being installed, every field as it was',
      clauses: ['LSM-3.9', 'LSM-3.10', 'LSM-3.13', 'LSM-3.6'],
      hint: 'recover returns what installVersion made durable, field by field: the levels with every table’s metadata, nextFile, lastSeq and log, as the version was when it was installed. A crash inside an install may leave the old version or the new one; inside a compaction, the old one or the very version compact would have returned. Recomputing a field on the way back (lastSeq from the tables, nextFile from the files on disk) gives a version that was never installed.',
      deadlineMs: 30_000,
    },
    (t) => {
      const exact = ({ versionProblems: problems }: Recovered): void => {
        if (problems.length > 0) throw new Error(problems.join('\n'));
      };
      sweep(suite.impl(), FRESH, new SimStorage(), t.seed + 200, new Model(), fromEmpty(t.seed + 200), exact);
      const { disk, model } = primedDisk(suite.impl(), SMALL, t.seed + 201);
      sweep(suite.impl(), SMALL, disk, t.seed + 201, model, reopen(SMALL), exact);
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'after recovery from a crash at any storage call, from a fresh disk or a warm tree, only the manifest and the files its version lists remain: no orphan outlives a restart',
      clauses: ['LSM-3.12', 'LSM-3.14'],
      hint: 'A crash leaves outputs no version lists (the switch never happened) or inputs the new version dropped (the removes never happened), and perhaps a temporary manifest. recover knows which files the version lists; it removes every other .sst and .log, and any leftover of an unfinished install (LevelDB DBImpl::RemoveObsoleteFiles).',
      deadlineMs: 30_000,
    },
    (t) => {
      const noOrphans = ({ db }: Recovered): void => {
        const left = orphans(db.version, db.disk);
        if (left.length > 0) {
          throw new Error(`after recovery the disk still holds ${left.join(', ')}, which the version does not list\nfiles: ${db.disk.list().join(', ')}\n${describeVersion(db.version)}`);
        }
      };
      sweep(suite.impl(), FRESH, new SimStorage(), t.seed + 50, new Model(), fromEmpty(t.seed + 50), noOrphans);
      for (const [i, options] of SWEEP_OPTIONS.entries()) {
        const { disk, model } = primedDisk(suite.impl(), options, t.seed + 100 + i);
        sweep(suite.impl(), options, disk, t.seed + 100 + i, model, reopen(options), noOrphans);
      }
    },
  );

  suite.test(
    {
      points: 6,
      category: 'faults',
      name: 'installVersion is atomic: a crash at any storage call inside it leaves the old version or the new one, and once it returns the new one survives any crash',
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
        for (const crash of [{ kind: 'process' }, { kind: 'power-worst' }, ...[1, 2, 3, 4, 5].map((s) => ({ kind: 'power', seed: 31 * at + s }))] as CrashKind[]) {
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
      points: 4,
      category: 'correctness',
      name: 'recover returns null on an empty disk, and otherwise the version installed last, exactly as it was installed',
      hint: 'Read your manifest back with decodeManifest and return what it holds; a disk with no manifest has never had a version installed.',
    },
    () => {
      const impl = suite.impl();
      const disk = new Disk();
      expect(run('recover', () => impl.recover(disk)), 'recover on an empty disk').toBeNull();
      const versions: Version[] = [1, 2, 3].map((n) => ({ levels: [[], [], [], []], nextFile: 10 * n, lastSeq: 100 * n, log: `00000${n}.log` }));
      for (const v of versions) {
        run('installVersion', () => impl.installVersion(disk, v));
        disk.append(v.log, Uint8Array.of(1));
        disk.sync(v.log);
        disk.syncDirectory();
        expect(run('recover', () => impl.recover(new Disk(simOf(disk).clone()))), `recover after installing ${JSON.stringify(v)}`).toEqual(v);
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'compact cuts its output into tables of at most targetFileBytes bytes of entries, filling each table before it starts the next',
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
      points: 8,
      category: 'faults',
      name: 'through random puts, deletes, flushes, compactions and crashes of every kind, every get and scan matches a Map of the acknowledged writes',
      hint: 'A write is acknowledged when put or delete returns (the engine has synced the log). After any crash, recovery must give back all of them and nothing deleted; if only some crashes break it, look at what your code has not synced, or syncs too late, at that point.',
      deadlineMs: 30_000,
    },
    (t) => {
      t.check(
        fc.property(commandsArb(true), (cmds) => runCommands(suite.impl(), cmds)),
        { numRuns: 80 },
      );
    },
  );
});
