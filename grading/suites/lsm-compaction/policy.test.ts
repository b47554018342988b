/**
 * Task 2 — leveled compaction. First `pickCompaction` alone, on random
 * versions, against the rules of the contract; then whole trees: the store
 * reads like a Map, keeps its shape, and its costs (tables probed per read,
 * bytes written, bytes stored) stay within stated bounds. Costs are counted,
 * never timed.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng } from '../../../harness';
import { commandsArb, runCommands, treesArb } from './commands';
import { canon } from './versions';
import { encodeTable, entryBytes, keyRange, levelTarget, overlapping, readTable, totalBytes } from '../../../exercises/lsm-compaction/format';
import {
  Db,
  describeVersion,
  Disk,
  key,
  lsmSuite,
  Model,
  readMismatches,
  run,
  simOf,
  SMALL,
  structureProblems,
  workload,
  type Compaction,
  type LsmOptions,
  type TableMeta,
  type Version,
} from './support';

const suite = lsmSuite();

// ---------------------------------------------------------------------------
// Random versions for the policy alone

/** Options at the ends of their ranges too: triggers of 1 and Number.MAX_SAFE_INTEGER, two levels (L1 is the bottom) and eight, fanouts of 1 and Number.MAX_SAFE_INTEGER, L1 targets of 1 byte and Number.MAX_SAFE_INTEGER. */
const optionsArb: fc.Arbitrary<LsmOptions> = fc.record({
  memtableBytes: fc.constant(256),
  l0Trigger: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2, max: 6 }) }, { weight: 1, arbitrary: fc.constantFrom(1, 9, Number.MAX_SAFE_INTEGER) }),
  baseLevelBytes: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 300, max: 2000 }) }, { weight: 1, arbitrary: fc.constantFrom(1, Number.MAX_SAFE_INTEGER) }),
  fanout: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2, max: 10 }) }, { weight: 1, arbitrary: fc.constantFrom(1, Number.MAX_SAFE_INTEGER) }),
  levels: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 3, max: 6 }) }, { weight: 1, arbitrary: fc.constantFrom(2, 8) }),
  targetFileBytes: fc.constant(256),
});

let fileNumber = 0;
const table = (smallest: number, largest: number, bytes: number): TableMeta => ({
  file: `${String(++fileNumber).padStart(6, '0')}.sst`,
  smallest: key(smallest),
  largest: key(largest),
  bytes,
  entries: largest - smallest + 1,
  maxSeq: fileNumber,
});

/** L0: tables anywhere, overlapping. */
const l0Arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 40, max: 400 })), { maxLength: 9 });
/**
 * A deeper level: disjoint ranges cut from sorted distinct points, numbered in
 * key order or against it (in a real tree a level's file numbers follow the
 * order its tables were written in, not their keys).
 */
const levelArb = fc.tuple(
  fc.uniqueArray(fc.integer({ min: 0, max: 999 }), { maxLength: 16 }),
  fc.array(fc.integer({ min: 40, max: 900 }), { minLength: 8, maxLength: 8 }),
  fc.boolean(),
);

const versionArb: fc.Arbitrary<{ options: LsmOptions; version: Version }> = optionsArb.chain((options) =>
  fc.tuple(fc.constant(options), l0Arb, fc.array(levelArb, { minLength: options.levels - 1, maxLength: options.levels - 1 })).map(([opts, l0, deeper]) => {
    const levels: TableMeta[][] = [l0.map(([start, width, bytes]) => table(start, Math.min(999, start + width), bytes))];
    for (const [points, sizes, backwards] of deeper) {
      const sorted = [...points].sort((a, b) => a - b);
      const ranges: [number, number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([sorted[i]!, sorted[i + 1]!, sizes[(i / 2) % sizes.length]! * 3]);
      // Tables are numbered as they are made: made from the last range to the first, the file numbers run against the key order.
      const tables = (backwards ? [...ranges].reverse() : ranges).map(([from, to, bytes]) => table(from, to, bytes));
      levels.push(backwards ? tables.reverse() : tables);
    }
    return { options: opts, version: { levels, nextFile: fileNumber + 1, lastSeq: fileNumber, log: '000000.log' } };
  }),
);

/** The level the contract says to compact, or -1. */
function expectedLevel(version: Version, options: LsmOptions): number {
  let best = -1;
  let bestScore = 0;
  const l0 = version.levels[0]!.length / options.l0Trigger;
  if (l0 >= 1) [best, bestScore] = [0, l0];
  for (let level = 1; level < options.levels - 1; level++) {
    const score = totalBytes(version.levels[level]!) / levelTarget(options, level);
    if (score >= 1 && score > bestScore) [best, bestScore] = [level, score];
  }
  return best;
}

const scores = (version: Version, options: LsmOptions): string =>
  version.levels
    .slice(0, -1)
    .map((tables, i) => (i === 0 ? `L0 ${tables.length}/${options.l0Trigger}` : `L${i} ${totalBytes(tables)}/${levelTarget(options, i)} B`))
    .join(', ');

function pick(version: Version, options: LsmOptions): Compaction | null {
  const frozen = JSON.stringify(version);
  const chosen = run('pickCompaction', () => suite.impl().pickCompaction(version, options));
  if (JSON.stringify(version) !== frozen) throw new Error('pickCompaction modified the version it was given');
  return chosen;
}

const files = (tables: readonly TableMeta[]): string[] => tables.map((t) => t.file).sort();

/**
 * The boundaries random sizes almost never hit: a score of exactly 1 (due: "at
 * least 1"), and two levels with the same score (the upper one wins). L1's
 * target is 1000 bytes and L2's 10 000, so every score here is exact.
 */
const BOUNDARY_OPTIONS: LsmOptions = { memtableBytes: 256, l0Trigger: 4, baseLevelBytes: 1000, fanout: 10, levels: 4, targetFileBytes: 256 };
function boundaryCases(): { what: string; version: Version; want: number }[] {
  const l0 = (n: number): TableMeta[] => Array.from({ length: n }, (_, i) => table(100 * i, 100 * i + 150, 200));
  const level = (bytes: number): TableMeta[] => [table(0, 299, bytes - Math.floor(bytes / 2)), table(400, 699, Math.floor(bytes / 2))];
  const version = (levels: TableMeta[][]): Version => ({ levels, nextFile: fileNumber + 1, lastSeq: fileNumber, log: '000000.log' });
  return [
    { what: 'L1 exactly at its target (score 1), nothing else due', version: version([l0(3), level(1000), level(9000), level(50_000)]), want: 1 },
    { what: 'L2 exactly at its target (score 1), nothing else due', version: version([l0(2), level(999), level(10_000), level(50_000)]), want: 2 },
    { what: 'L0 at its trigger and L1 at its target: a tie at 1', version: version([l0(4), level(1000), level(9000), level(50_000)]), want: 0 },
    { what: 'L0 and L1 both at 1.5: a tie', version: version([l0(6), level(1500), level(9000), level(50_000)]), want: 0 },
    { what: 'L1 and L2 both at 1.5: a tie', version: version([l0(3), level(1500), level(15_000), level(50_000)]), want: 1 },
    { what: 'every score just below 1, and a large bottom level', version: version([l0(3), level(999), level(9999), level(500_000)]), want: -1 },
  ];
}

suite.task(2, () => {
  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'the level with the highest score is compacted (L0: tables / l0Trigger; deeper: bytes / target), the upper one on a tie, and none while every score is below 1',
      clauses: ['LSM-2.2', 'LSM-2.3', 'LSM-2.1', 'LSM-0.5'],
      hint: 'LevelDB version_set.cc, VersionSet::Finalize: one score per level, L0 by file count (reads must probe every L0 file), deeper levels by bytes over their target; compact the best score if it is at least 1. The bottom level has no score.',
    },
    (t) => {
      for (const { what, version, want } of boundaryCases()) {
        const got = pick(version, BOUNDARY_OPTIONS);
        const state = `${what}; scores: ${scores(version, BOUNDARY_OPTIONS)}\n${describeVersion(version)}`;
        if (want === -1) expect(got, `no level has a score of 1 or more; pickCompaction should return null\n${state}`).toBeNull();
        else expect(got?.level, `the level to compact: L${want} (a score of exactly 1 is due; on a tie the upper level wins)\n${state}`).toBe(want);
      }
      let chosen = 0;
      t.check(
        fc.property(versionArb, ({ options, version }) => {
          const got = pick(version, options);
          const want = expectedLevel(version, options);
          if (got !== null) chosen++;
          const what = `scores: ${scores(version, options)}\n${describeVersion(version)}`;
          if (want === -1) expect(got, `no level has a score of 1 or more; pickCompaction should return null\n${what}`).toBeNull();
          else expect(got?.level, `the level to compact\n${what}`).toBe(want);
        }),
        { numRuns: 300 },
      );
      expect(chosen, 'cases where a compaction was due (the generator must produce some)').toBeGreaterThan(30);
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'a compaction takes all of L0, or one table of a deeper level, with exactly the tables of the next level that overlap it, in that level’s order',
      clauses: ['LSM-2.4', 'LSM-2.5', 'LSM-2.6', 'LSM-2.1'],
      hint: 'L0 tables overlap one another, so a key can have versions in several; moving only some of them down would put an older version above a newer one. Below L0, one table at a time keeps each compaction small. Then add every table of level + 1 whose range meets the inputs\u2019 range (LevelDB doc/impl.md, "Compactions"); miss one and the next level overlaps itself.',
    },
    (t) => {
      // Ranges are inclusive at both ends: a table of the next level that only touches the inputs' range at its first or last key overlaps it.
      const touching: Version = {
        levels: [[table(100, 200, 300)], [table(50, 100, 100), table(150, 160, 100), table(200, 300, 100), table(301, 400, 100)], [], []],
        nextFile: fileNumber + 1,
        lastSeq: fileNumber,
        log: '000000.log',
      };
      const edge = pick(touching, { ...BOUNDARY_OPTIONS, l0Trigger: 1 });
      expect(
        edge?.overlapping.map((t) => t.file),
        `L0 holds [${key(100)} … ${key(200)}]; the L1 tables ending at ${key(100)} and starting at ${key(200)} overlap it\n${describeVersion(touching)}`,
      ).toEqual(touching.levels[1]!.slice(0, 3).map((t) => t.file));
      t.check(
        fc.property(versionArb, ({ options, version }) => {
          const got = pick(version, options);
          if (got === null) return;
          const { level } = got;
          const what = `a compaction of L${level}\n${describeVersion(version)}`;
          expect(level, what).toBeGreaterThanOrEqual(0);
          expect(level, what).toBeLessThan(options.levels - 1);
          if (level === 0) expect(files(got.inputs), `the inputs of ${what}: every L0 table`).toEqual(files(version.levels[0]!));
          else {
            expect(got.inputs.length, `the inputs of ${what}: one table`).toBe(1);
            expect(files(version.levels[level]!), `the input of ${what} is a table of L${level}`).toContain(got.inputs[0]!.file);
          }
          const range = keyRange(got.inputs);
          expect(
            got.overlapping.map((t) => t.file),
            `the L${level + 1} tables overlapping [${range.smallest} … ${range.largest}], in the order of L${level + 1}, for ${what}`,
          ).toEqual(overlapping(version.levels[level + 1]!, range.smallest, range.largest).map((t) => t.file));
        }),
        { numRuns: 300 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'tombstones may be dropped only when no level below the output holds a table in the compaction’s key range',
      clauses: ['LSM-2.7'],
      hint: 'A tombstone can go only if nothing older can lie below: LevelDB’s IsBaseLevelForKey checks every level below the output, not just the next one and not just “is this the last level”. The range to check is that of the inputs and the overlapping tables together.',
    },
    (t) => {
      const seen = { drop: 0, keep: 0 };
      t.check(
        fc.property(versionArb, ({ options, version }) => {
          const got = pick(version, options);
          if (got === null || got.inputs.length === 0) return;
          const range = keyRange([...got.inputs, ...got.overlapping]);
          const below = version.levels.slice(got.level + 2).flatMap((tables) => overlapping(tables, range.smallest, range.largest));
          const may = below.length === 0;
          seen[may ? 'drop' : 'keep']++;
          expect(
            got.dropTombstones,
            may
              ? `nothing below L${got.level + 1} meets [${range.smallest} … ${range.largest}]: dropTombstones should be true (else tombstones pile up at the bottom)`
              : `${below.map((t) => t.file).join(', ')} below L${got.level + 1} meet [${range.smallest} … ${range.largest}]: dropTombstones must be false\n${describeVersion(version)}`,
          ).toBe(may);
        }),
        { numRuns: 300 },
      );
      expect(Math.min(seen.drop, seen.keep), `cases of each kind (may drop ${seen.drop}, must keep ${seen.keep})`).toBeGreaterThan(10);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'pickCompaction is a pure function of the version and the options: asked again, in any order, it chooses the same compaction',
      clauses: ['LSM-2.8'],
      hint: 'pickCompaction keeps no state between calls: the engine asks it again after every compaction, a crash forgets everything but the disk, and two trees may share your module. To rotate through a level as LevelDB does, derive the choice from the version itself (for example the table that overlaps the fewest bytes of the next level per byte of its own), never from a counter or a pointer kept in your module.',
    },
    (t) => {
      let choices = 0;
      t.check(
        fc.property(fc.array(versionArb, { minLength: 2, maxLength: 5 }), (cases) => {
          const first = cases.map(({ version, options }) => canon(pick(version, options)));
          const again = [...cases].reverse().map(({ version, options }) => canon(pick(version, options))).reverse();
          cases.forEach(({ version, options }, i) => {
            const chosen = pick(version, options);
            if (chosen !== null && chosen.level > 0 && version.levels[chosen.level]!.length > 1) choices++;
            const what = `scores: ${scores(version, options)}\n${describeVersion(version)}`;
            expect(again[i], `case ${i + 1} of ${cases.length}, asked a second time after the others: the same version and options must give the same compaction\n${what}`).toBe(first[i]);
            expect(canon(chosen), `case ${i + 1} of ${cases.length}, asked a third time\n${what}`).toBe(first[i]);
            expect(canon(pick(version, options)), `case ${i + 1} of ${cases.length}, asked twice in a row\n${what}`).toBe(first[i]);
            // The same version with other options is another question: answered as for a fresh copy of the version.
            const other = { ...options, l0Trigger: options.l0Trigger + 1, baseLevelBytes: options.baseLevelBytes * 2 };
            expect(canon(pick(version, other)), `case ${i + 1} of ${cases.length}, this version asked with l0Trigger ${other.l0Trigger} and baseLevelBytes ${other.baseLevelBytes}: the answer for a fresh copy of it with those options\n${describeVersion(version)}`).toBe(canon(pick(structuredClone(version), other)));
          });
        }),
        { numRuns: 100 },
      );
      expect(choices, 'cases where a table of a deeper level was chosen among several (the generator must produce some)').toBeGreaterThan(20);
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'through random puts, deletes, flushes and compactions on two trees at once, every get and scan matches a Map of that tree’s writes',
      clauses: ['LSM-0.4', 'LSM-0.6', 'LSM-0.3', 'LSM-0.5'],
      hint: 'When a read is wrong, look at the compaction before it: a merge that kept an older version, tombstones dropped too early, or outputs that overlap in L1 (the tree binary-searches L1 and deeper for the one table that may hold a key).',
      deadlineMs: 20_000,
    },
    (t) => {
      t.check(
        fc.property(treesArb, commandsArb(false), (trees, cmds) => runCommands(suite.impl(), trees, cmds)),
        { numRuns: 35 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'after every flush, L1 and deeper are sorted and disjoint, every table matches its metadata, L0 is below its trigger and each level within its target',
      clauses: ['LSM-2.10', 'LSM-2.9'],
      hint: 'The tree compacts until pickCompaction returns null, so a settled tree has every score below 1. Outputs go into level + 1 sorted by key, replacing exactly the overlapping tables; cut them at key boundaries (one entry per key means any boundary will do).',
      deadlineMs: 20_000,
    },
    (t) => {
      for (const options of [SMALL, { ...SMALL, l0Trigger: 2, fanout: 2, levels: 5 }, { ...SMALL, l0Trigger: 6, baseLevelBytes: 2048, levels: 3 }]) {
        const db = new Db(suite.impl(), new Disk(), options);
        const model = new Model();
        const rng = new Rng(t.seed);
        let flushes = 0;
        for (let i = 0; i < 60; i++) {
          workload(db, model, rng, 25, 400, 5, `w${i}.`);
          if (db.tree.stats.flushes === flushes) continue;
          flushes = db.tree.stats.flushes;
          const problems = structureProblems(db.version, db.disk, options, true);
          if (problems.length > 0) throw new Error(`after ${(i + 1) * 25} writes with ${JSON.stringify(options)}:\n${problems.join('\n')}\n${describeVersion(db.version)}`);
        }
        expect(db.version.levels.slice(2).some((l) => l.length > 0), `the workload reached L2 (${JSON.stringify(options)})`).toBe(true);
        expect(readMismatches(db, model), 'reads at the end').toEqual([]);
      }
    },
  );

  const MAX_PROBES = SMALL.l0Trigger - 1 + (SMALL.levels - 1);
  suite.test(
    {
      points: 4,
      category: 'performance',
      name: `a point read probes at most l0Trigger − 1 tables of L0 and one per deeper level (${MAX_PROBES} with the test’s options), however many writes came before`,
      clauses: ['LSM-2.11'],
      hint: 'Read amplification is why compaction exists: every L0 table may hold the key, so L0 must be compacted once it reaches l0Trigger tables, whatever the deeper levels look like.',
      deadlineMs: 20_000,
    },
    (t) => {
      const db = new Db(suite.impl(), new Disk(), SMALL);
      const model = new Model();
      const rng = new Rng(t.seed);
      let worst = 0;
      for (let round = 0; round < 80; round++) {
        workload(db, model, rng, 50, 600, 6, `r${round}.`);
        for (let i = 0; i < 10; i++) {
          const k = key(rng.int(0, 599));
          const before = db.tree.stats.tablesProbed;
          db.get(k);
          const probes = db.tree.stats.tablesProbed - before;
          worst = Math.max(worst, probes);
          if (probes > MAX_PROBES) {
            throw new Error(`after ${(round + 1) * 50} writes, get(${k}) probed ${probes} tables (at most ${MAX_PROBES})\n${describeVersion(db.version)}`);
          }
        }
      }
      expect(worst, 'the reads reached tables at all').toBeGreaterThan(0);
    },
  );

  // Leveled compaction rewrites each byte about fanout / 2 times per level it passes. On this workload the reference writes 6.8× the data (grading/bench/lsm.ts); the bound leaves room for other sound choices of table.
  const WRITE_AMP_BOUND = 9;
  const WA_OPTIONS: LsmOptions = { memtableBytes: 1024, l0Trigger: 4, baseLevelBytes: 4096, fanout: 4, levels: 5, targetFileBytes: 1024 };
  suite.test(
    {
      points: 3,
      category: 'performance',
      name: `write amplification on a fixed workload of 20 000 writes over 2 000 keys is at most ${WRITE_AMP_BOUND}: bytes written to tables per byte written by the user`,
      clauses: ['LSM-2.12'],
      hint: 'Each compaction should rewrite little of the next level: move one table at a time below L0, and prefer the table that overlaps the fewest bytes below (RocksDB’s kMinOverlappingRatio). Compacting whole levels, or compacting when nothing is due, multiplies the bytes written.',
      deadlineMs: 20_000,
    },
    () => {
      const db = new Db(suite.impl(), new Disk(), WA_OPTIONS);
      const rng = new Rng(20_000);
      let user = 0;
      for (let i = 0; i < 20_000; i++) {
        const k = key(rng.int(0, 1999));
        const v = `value-${i}`;
        user += entryBytes({ key: k, seq: i + 1, value: v });
        db.put(k, v);
      }
      const amplification = db.disk.tableBytes / user;
      expect(amplification, `${db.disk.tableBytes} bytes written to tables for ${user} bytes of writes`).toBeLessThanOrEqual(WRITE_AMP_BOUND);
      expect(db.tree.stats.compactions, 'compactions on the way').toBeGreaterThan(20);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'performance',
      name: 'after a full compaction into the bottom level, the disk holds each live key once and no tombstone: at most 1.1× the bytes of the live data',
      clauses: ['LSM-2.13'],
      hint: 'At the bottom level nothing older can lie below, so every tombstone goes, and one version per key remains. Remove the input tables once the new version is installed, or they stay on disk forever.',
      deadlineMs: 20_000,
    },
    (t) => {
      const options = SMALL;
      const db = new Db(suite.impl(), new Disk(), options);
      const model = new Model();
      workload(db, model, new Rng(t.seed), 3000, 500, 3);
      db.flush();
      // A full compaction, as RocksDB's CompactRange does it: each level in turn, all of it, into the next.
      let version = db.version;
      for (let level = 0; level < options.levels - 1; level++) {
        const inputs = version.levels[level]!;
        if (inputs.length === 0) continue;
        const range = keyRange(inputs);
        const below = overlapping(version.levels[level + 1]!, range.smallest, range.largest);
        const all = keyRange([...inputs, ...below]);
        const dropTombstones = !version.levels.slice(level + 2).some((tables) => overlapping(tables, all.smallest, all.largest).length > 0);
        const compaction = { level, inputs, overlapping: below, dropTombstones };
        version = run(`compact L${level}`, () => suite.impl().compact(db.disk, version, compaction, options));
        expect(version.levels[level], `L${level} after compacting all of it`).toEqual([]);
      }
      // Every table file on disk counts, listed or not: inputs left behind are space too.
      const onDisk = db.disk.list().filter((f) => f.endsWith('.sst'));
      const listed = new Set(version.levels.flat().map((t) => t.file));
      const entries = onDisk.filter((f) => listed.has(f)).flatMap((f) => readTable(db.disk, f));
      const tombstones = entries.filter((e) => e.value === null).length;
      expect({ entries: entries.length, tombstones }, 'entries in the tables the version lists').toEqual({ entries: model.live.size, tombstones: 0 });
      const stored = onDisk.reduce((sum, f) => sum + db.disk.read(f)!.length, 0);
      const live = encodeTable(model.sorted().map(([k, v], i) => ({ key: k, seq: i, value: v }))).length;
      // The tree learns of the new version the way it would after a restart: from the manifest.
      const reopened = new Db(suite.impl(), new Disk(simOf(db.disk)), options);
      expect(readMismatches(reopened, model), 'reads after the full compaction').toEqual([]);
      expect(stored / live, `${stored} bytes of tables on disk (${onDisk.length} files, ${listed.size} listed) for ${live} bytes of live data`).toBeLessThanOrEqual(1.1);
    },
  );
});
