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
import { compareKeys, entryBytes, readTable, tableFileName, writeTable } from '../../../exercises/lsm-compaction/format';
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

/**
 * Opens the tree on a copy of `disk` (recover, replay the log, flush, compact)
 * with a crash before storage call k, for every k; recovers each crashed disk
 * in each of the crash kinds and hands the recovered tree to `check`. Whatever
 * fails is reported with where the crash came and what it did.
 */
function sweep(impl: Db['impl'], options: LsmOptions, disk: SimStorage, seed: number, check: (recovered: Db) => void): { calls: number; compactions: number } {
  const clean = new Db(impl, new Disk(disk.clone()), options);
  const calls = opsOf(clean.disk).length;
  const compactions = clean.tree.stats.compactions;
  for (let at = 0; at < calls; at++) {
    const crashing = new Disk(disk.clone(), at);
    try {
      new Db(impl, crashing, options);
    } catch (error) {
      if (!(error instanceof SimulatedCrash)) throw error;
    }
    if (!crashing.crashed) throw new Error(`the same calls on the same disk made ${opsOf(crashing).length} storage calls this time, ${calls} the first: is the code deterministic?`);
    const op = opsOf(clean.disk)[at]!;
    for (const crash of [{ kind: 'process' }, { kind: 'power-worst' }, { kind: 'power', seed: seed + at }, { kind: 'power', seed: seed + at + 7919 }] as const) {
      let stage = 'recovery failed: ';
      try {
        const recovered = new Db(impl, new Disk(afterCrash(simOf(crashing), crash)), options);
        stage = '';
        check(recovered);
      } catch (error) {
        const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
        throw new Error(`${where(at, op, crash, clean)}${stage}${message}`, { cause: error });
      }
    }
  }
  return { calls, compactions };
}

const where = (at: number, op: string, crash: CrashKind, clean: Db): string =>
  `crash before storage call ${at + 1} of ${opsOf(clean.disk).length} (${op}); ${describeCrash(crash)}\n` +
  `the calls around it: ${opsOf(clean.disk).slice(Math.max(0, at - 4), at + 3).join(' · ')}\n`;

const SWEEP_OPTIONS: readonly LsmOptions[] = [SMALL, { ...SMALL, l0Trigger: 2, fanout: 2, levels: 5 }];

/**
 * What compact's outputs must hold: the merge (the newest version of each key,
 * tombstones gone if asked), cut greedily, so that a table ends only where its
 * next entry would take it past `target` bytes of entries.
 */
function expectedOutputs(runs: readonly (readonly Entry[])[], dropTombstones: boolean, target: number): Entry[][] {
  const newest = new Map<string, Entry>();
  for (const e of runs.flat()) if ((newest.get(e.key)?.seq ?? -1) < e.seq) newest.set(e.key, e);
  const merged = [...newest.values()].filter((e) => !(dropTombstones && e.value === null)).sort((a, b) => compareKeys(a.key, b.key));
  const tables: Entry[][] = [];
  let bytes = 0;
  for (const e of merged) {
    const current = tables[tables.length - 1];
    if (current !== undefined && bytes + entryBytes(e) <= target) {
      current.push(e);
      bytes += entryBytes(e);
    } else {
      tables.push([e]);
      bytes = entryBytes(e);
    }
  }
  return tables;
}

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
      points: 9,
      category: 'faults',
      name: 'a crash at any storage call of a flush and the compactions it starts loses no acknowledged write and brings back no deleted key',
      hint: 'Order is everything (LevelDB doc/impl.md, "Compactions" and "Recovery"): write and sync every output, then make the new version durable in one atomic step, and only then remove the inputs. A crash before the switch must find the old version with all its files; after it, the new one with all of its.',
      deadlineMs: 30_000,
    },
    (t) => {
      for (const [i, options] of SWEEP_OPTIONS.entries()) {
        const { disk, model } = primedDisk(suite.impl(), options, t.seed + i);
        const { compactions } = sweep(suite.impl(), options, disk, t.seed + i, (recovered) => {
          const wrong = readMismatches(recovered, model, 4);
          if (wrong.length > 0) throw new Error(`${wrong.join('\n')}\nthe recovered version:\n${describeVersion(recovered.version)}`);
        });
        expect(compactions, `compactions started by the flush being crashed (${JSON.stringify(options)})`).toBeGreaterThan(0);
      }
    },
  );

  suite.test(
    {
      points: 5,
      category: 'faults',
      name: 'after recovery from a crash at any storage call, only the manifest and the files its version lists remain: no orphan outlives a restart',
      hint: 'A crash leaves outputs no version lists (the switch never happened) or inputs the new version dropped (the removes never happened), and perhaps a temporary manifest. recover knows which files the version lists; it removes every other .sst and .log, and any leftover of an unfinished install (LevelDB DBImpl::RemoveObsoleteFiles).',
      deadlineMs: 30_000,
    },
    (t) => {
      for (const [i, options] of SWEEP_OPTIONS.entries()) {
        const { disk } = primedDisk(suite.impl(), options, t.seed + 100 + i);
        sweep(suite.impl(), options, disk, t.seed + 100 + i, (recovered) => {
          const left = orphans(recovered.version, recovered.disk);
          if (left.length > 0) {
            throw new Error(`after recovery the disk still holds ${left.join(', ')}, which the version does not list\nfiles: ${recovered.disk.list().join(', ')}\n${describeVersion(recovered.version)}`);
          }
        });
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
