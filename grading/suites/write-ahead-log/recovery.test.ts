/**
 * Task 2 — recovery. Disks the model wrote, with tails and damage the rules
 * decide; then the promise itself: a crash before every storage call of a
 * workload from an empty disk, in every way the crash model allows.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { SimStorage, type Storage } from '../../../harness';
import { expectRangeError } from '../../../harness/suite';
import { crashOutcomes, flipBit, recordCrashPoints } from '../../../harness/storage';
import { encodeCheckpoint, segmentName } from '../../../exercises/write-ahead-log/format';
import { modelEncode, modelOpen, modelSegment } from './model';
import { sweep, type Driver } from './sweep';
import { CountingStorage, describeError, expectCorruption, expectRecords, modelDisk, openLog, record, sizeArb, snapshot, walSuite, type WalSuiteModule } from './support';

const suite = walSuite();

/** A workload: `count` appends of sizes that hit every block boundary, records ending in zeros among them, syncs at random. */
const appendsAndSyncs =
  (count: number, blockBytes: number, seed: number) =>
  (driver: Driver): void => {
    const sizes = blockBytes <= 64 ? [0, 1, blockBytes - 7, blockBytes - 6, blockBytes - 8, 3, 2 * blockBytes - 13, 20] : [0, 1, 20, 3, 100, 7];
    let state = seed;
    for (let i = 0; i < count; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      driver.append(record(i, sizes[(i + state) % sizes.length]!, i % 3 === 2));
      if (state % 3 === 0) driver.sync();
    }
    driver.sync();
  };

/** A log as the model writes it: segments of records, a checkpoint, a tail on the last segment, and files open must remove or leave. */
interface LogCase {
  readonly blockBytes: number;
  /** Record sizes, segment by segment; every segment but the last has at least one. */
  readonly segments: readonly (readonly number[])[];
  /** Where the checkpoint falls, as a share of the records (null for no checkpoint file). */
  readonly checkpoint: number | null;
  /** The tail: bytes of one more record, cut (`cut` of them kept), then `zeros` zero bytes. */
  readonly tail: { readonly size: number; readonly cut: number; readonly zeros: number } | null;
  readonly temporaries: readonly string[];
  readonly others: readonly string[];
}

const logCaseArb = (withTail: boolean): fc.Arbitrary<LogCase> =>
  fc.constantFrom(8, 16, 24, 32_768).chain((blockBytes) =>
    fc.record({
      blockBytes: fc.constant(blockBytes),
      segments: fc
        .tuple(fc.array(fc.array(sizeArb(blockBytes === 32_768 ? 40 : blockBytes), { minLength: 1, maxLength: 4 }), { maxLength: 3 }), fc.array(sizeArb(blockBytes === 32_768 ? 40 : blockBytes), { maxLength: 4 }))
        .map(([full, last]) => [...full, last]),
      checkpoint: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      tail: withTail
        ? fc.record({ size: fc.integer({ min: 0, max: 40 }), cut: fc.nat(), zeros: fc.nat({ max: 60 }) })
        : fc.constant(null),
      temporaries: fc.subarray(['CHECKPOINT.tmp', `${segmentName(2)}.tmp`, 'scratch.tmp']),
      others: fc.subarray(['notes.txt', 'wal-1.log', 'wal-00000000000000001.log', 'CHECKPOINT.bak', 'notes.tmp.txt', 'x.tmpl']),
    }),
  );

/** The disk of a LogCase, everything synced; and the records by LSN. */
function logDisk(c: LogCase): { disk: SimStorage; records: Uint8Array[] } {
  const records: Uint8Array[] = [];
  const segments = c.segments.map((sizes) => {
    const base = records.length;
    const own = sizes.map((size, i) => record(base + i, size, (base + i) % 3 === 2));
    records.push(...own);
    return { base, records: own };
  });
  const checkpoint = c.checkpoint === null ? undefined : Math.floor(c.checkpoint * records.length);
  let extra: Uint8Array | undefined;
  if (c.tail !== null) {
    const last = segments.at(-1)!;
    const encoded = modelEncode(record(records.length, c.tail.size), modelSegment(last.records, c.blockBytes).length, c.blockBytes);
    const kept = encoded.subarray(0, c.tail.cut % encoded.length);
    extra = Uint8Array.from([...kept, ...new Uint8Array(c.tail.zeros)]);
  }
  const disk = modelDisk(
    segments.map((s, i) => (i === segments.length - 1 && extra !== undefined ? { ...s, extra } : s)),
    c.blockBytes,
    checkpoint,
  );
  for (const name of [...c.temporaries, ...c.others]) {
    disk.append(name, Uint8Array.of(1, 2, 3));
    disk.sync(name);
  }
  disk.syncDirectory();
  return { disk, records };
}

const describeCase = (c: LogCase): string =>
  `blockBytes ${c.blockBytes}; segments of records of ${c.segments.map((s) => `[${s.join(', ')}]`).join(' ')} bytes` +
  `${c.checkpoint === null ? '' : '; a checkpoint'}${c.tail === null ? '' : `; a tail of ${c.tail.cut} bytes of a ${c.tail.size}-byte record, then ${c.tail.zeros} zeros`}` +
  `${c.temporaries.length + c.others.length === 0 ? '' : `; also ${[...c.temporaries, ...c.others].join(', ')}`}`;

/** Opens the disk and holds the log, the report and the disk after it to the model. */
function expectOpenAsModel(mod: WalSuiteModule, disk: SimStorage, blockBytes: number, what: string): void {
  const expected = modelOpen(disk, blockBytes);
  if (expected.kind !== 'ok') throw new Error(`suite: ${what}: the model finds this disk corrupt, at ${expected.segment}:${expected.offset}`);
  const before = new Map(disk.list().map((name) => [name, disk.read(name)!]));
  const { wal, report } = openLog(mod, disk, { blockBytes }, what);
  expect({ firstLsn: wal.firstLsn, nextLsn: wal.nextLsn, durableLsn: wal.durableLsn }, `${what}: the log after open`).toEqual({
    firstLsn: expected.firstLsn,
    nextLsn: expected.nextLsn,
    durableLsn: expected.nextLsn,
  });
  expect({ ...report, removed: [...report.removed] }, `${what}: the report of open`).toEqual({
    firstLsn: expected.firstLsn,
    nextLsn: expected.nextLsn,
    truncatedBytes: expected.truncatedBytes,
    removed: expected.removed,
  });
  expectRecords(wal.read(wal.firstLsn), expected.records, `${what}: the records`, expected.firstLsn);
  // On disk: the removed files are gone, the last segment is cut to its last record, and nothing else changed.
  expect(disk.list(), `${what}: the files after open`).toEqual([...before.keys()].filter((name) => !expected.removed.includes(name)));
  const last = expected.segments.at(-1);
  for (const name of disk.list()) {
    const want = name === last?.name ? before.get(name)!.subarray(0, last.length) : before.get(name)!;
    const got = disk.read(name)!;
    expect(got.length === want.length && got.every((b, i) => b === want[i]), `${what}: ${name} after open is ${got.length} bytes; it should ${name === last?.name ? `be cut to its first ${want.length}` : 'not change'}`).toBe(true);
  }
}

suite.task(2, () => {
  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'open on an empty disk is an empty log at LSN 0 with an empty report',
      hint: 'README, WAL-2.1: nothing on disk is a log with no records, firstLsn, nextLsn and durableLsn all 0.',
      clauses: ['WAL-2.1', 'WAL-3.6', 'WAL-0.4'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      for (const options of [{}, { blockBytes: 8, segmentBytes: 1 }, { blockBytes: 32_768, segmentBytes: 2 ** 30 }]) {
        const disk = new SimStorage();
        const { wal, report } = openLog(mod, disk, options, `open(empty disk, ${JSON.stringify(options)})`);
        expect({ firstLsn: wal.firstLsn, nextLsn: wal.nextLsn, durableLsn: wal.durableLsn }, 'the log').toEqual({ firstLsn: 0, nextLsn: 0, durableLsn: 0 });
        expect({ ...report, removed: [...report.removed] }, 'the report').toEqual({ firstLsn: 0, nextLsn: 0, truncatedBytes: 0, removed: [] });
        expect(wal.read(0), 'read(0)').toEqual([]);
        // The report's array is the caller's: changing it changes no later report.
        (report.removed as string[]).push('changed by the caller');
        expect([...openLog(mod, new SimStorage(), options, 'open on another empty disk').report.removed], 'report.removed of the next open, after the caller pushed onto the last one').toEqual([]);
        expect(disk.list().filter((name) => !/^wal-\d{16}\.log$/.test(name)), 'files open left on an empty disk').toEqual([]);
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'open recovers every record of every segment from the checkpoint on, with its LSN, and reports what it did',
      hint: 'README, WAL-2.2 and WAL-3.5: a segment’s records take the LSNs after its name’s; the log starts at the checkpoint; segments wholly below it and .tmp files go, other names stay.',
      clauses: ['WAL-2.2', 'WAL-3.5', 'WAL-2.5'],
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(logCaseArb(false), (c) => {
          expectOpenAsModel(mod, logDisk(c).disk, c.blockBytes, describeCase(c));
        }),
        { numRuns: 150 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'a torn or zero-filled tail of the last segment is cut on disk and reported, a crash while open cuts it loses nothing, and a second open finds none',
      hint: 'README, WAL-2.5: cut the tail before open returns, and not by rewriting the segment in place (write is not atomic): write the good prefix beside it, sync it, rename it over.',
      clauses: ['WAL-2.5', 'WAL-2.7'],
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(logCaseArb(true), (c) => {
          const what = describeCase(c);
          const { disk } = logDisk(c);
          expectOpenAsModel(mod, disk, c.blockBytes, what);
          const again = openLog(mod, disk, { blockBytes: c.blockBytes }, `${what}; then open again`);
          expect(again.report.truncatedBytes, `${what}: the second open's truncatedBytes`).toBe(0);
          expect([...again.report.removed], `${what}: the second open's removed`).toEqual([]);
          // Appends after the cut land after good records: a power failure later keeps them.
          const next = again.wal.nextLsn;
          again.wal.append(record(next, 5));
          again.wal.sync();
          const after = openLog(mod, disk.durableCopy(), { blockBytes: c.blockBytes }, `${what}; then open, append, sync, a power failure, open`);
          expect(after.wal.nextLsn, `${what}: after open, one append, sync and a power failure, nextLsn`).toBe(next + 1);
          expectRecords(after.wal.read(next), [record(next, 5)], `${what}: the record appended after recovery`, next);
        }),
        { numRuns: 150 },
      );
      // A crash before any storage call of open itself, in every way the crash model allows: the next open finds every record.
      t.check(
        fc.property(logCaseArb(true), (c) => {
          const what = describeCase(c);
          const { disk } = logDisk(c);
          const expected = modelOpen(disk, c.blockBytes);
          if (expected.kind !== 'ok') throw new Error(`suite: ${what}: the model finds this disk corrupt`);
          const { points, error } = recordCrashPoints(disk.clone(), (storage) => mod.Wal.open(storage, { blockBytes: c.blockBytes }), () => null);
          if (error !== undefined) throw error;
          for (const point of points) {
            for (const outcome of crashOutcomes(point.disk, { limit: 300, seed: t.seed })) {
              const where = `${what}\ncrash during open, before its storage call ${point.index + 1} (${point.call}); ${outcome.description}`;
              const again = openLog(mod, outcome.disk, { blockBytes: c.blockBytes }, where);
              expectRecords(again.wal.read(again.wal.firstLsn), expected.records, `${where}: open again`, expected.firstLsn);
            }
          }
        }),
        { numRuns: 40 },
      );
    },
  );

  suite.test(
    {
      points: 6,
      category: 'faults',
      name: 'a flipped bit in synced bytes is a CorruptionError naming the segment and offset, in the README’s order, and the disk is left as it was',
      hint: 'README, WAL-2.3 and WAL-2.4: only the last segment may end in a tail; a CRC that fails outside the trailing zeros is corruption; check everything before you change anything on disk.',
      clauses: ['WAL-2.3', 'WAL-2.4', 'WAL-1.4'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      // Every bit of every file of a log with three segments and a checkpoint.
      const segments = [
        { base: 0, records: [record(0, 9), record(1, 0), record(2, 20)] },
        { base: 3, records: [record(3, 2, true), record(4, 30)] },
        { base: 5, records: [record(5, 4), record(6, 6, true)] },
      ];
      const blockBytes = 16;
      const base = modelDisk(segments, blockBytes, 4);
      // A temporary a crash left: an open that removes it (or the segment below the checkpoint) before it finds the damage changed the disk.
      base.write('CHECKPOINT.tmp', Uint8Array.of(1, 2, 3));
      base.sync('CHECKPOINT.tmp');
      base.syncDirectory();
      let corruptions = 0;
      for (const name of base.list()) {
        const size = base.read(name)!.length;
        for (let bit = 0; bit < size * 8; bit++) {
          const disk = flipBit(base, name, bit);
          const what = `bit ${bit & 7} of byte ${bit >> 3} of ${name} flipped`;
          const expected = modelOpen(disk, blockBytes);
          if (expected.kind === 'ok') {
            expectOpenAsModel(mod, disk, blockBytes, what);
            continue;
          }
          corruptions++;
          const before = snapshot(disk);
          expectCorruption(mod.format, `${what}: Wal.open`, () => mod.Wal.open(disk, { blockBytes }), expected.segment, expected.offset);
          expect(snapshot(disk) === before, `${what}: Wal.open threw CorruptionError, and changed the disk before it did (WAL-2.4)`).toBe(true);
        }
      }
      expect(corruptions, 'flips the model calls corruption').toBeGreaterThan(700);

      // The order of the checks, and each kind of damage alone.
      const cases: [string, SimStorage, string, number][] = [];
      const badCheckpoint = modelDisk([{ base: 0, records: [record(0, 3)], extra: Uint8Array.of(9, 9, 9, 9, 9, 9, 9, 9) }], 16);
      badCheckpoint.write('CHECKPOINT', encodeCheckpoint(0).subarray(0, 11));
      badCheckpoint.sync('CHECKPOINT');
      cases.push(['a CHECKPOINT of 11 bytes, and a corrupt segment', badCheckpoint, 'CHECKPOINT', 0]);
      const noSegment = new SimStorage();
      noSegment.write('CHECKPOINT', encodeCheckpoint(5));
      cases.push(['a checkpoint at 5 and no segment', noSegment, 'CHECKPOINT', 0]);
      cases.push(['a checkpoint at 3 and a first segment at 4', modelDisk([{ base: 4, records: [record(4, 1)] }], 16, 3), segmentName(4), 0]);
      // Item 2 before item 3: the first segment starts after the checkpoint, and is also damaged further in.
      cases.push(['a checkpoint at 3 and a damaged first segment at 4', modelDisk([{ base: 4, records: [record(4, 1)], extra: Uint8Array.of(1, 1, 1, 1, 1, 0, 9) }], 16, 3), segmentName(4), 0]);
      const shortFirst = modelDisk([{ base: 0, records: [record(0, 1), record(1, 1)] }, { base: 3, records: [record(3, 1)] }], 16);
      cases.push(['a segment of 2 records followed by one named for LSN 3', shortFirst, segmentName(0), 16]);
      const longFirst = modelDisk([{ base: 0, records: [record(0, 1), record(1, 1)] }, { base: 1, records: [record(2, 1)] }], 16);
      cases.push(['a segment of 2 records followed by one named for LSN 1', longFirst, segmentName(0), 16]);
      cases.push(['a torn tail in a segment that is not the last', modelDisk([{ base: 0, records: [record(0, 1)], extra: Uint8Array.of(1, 2, 3) }, { base: 1, records: [record(1, 1)] }], 16), segmentName(0), 8]);
      cases.push(['zeros after the records of a segment that is not the last', modelDisk([{ base: 0, records: [record(0, 1)], extra: new Uint8Array(9) }, { base: 1, records: [] }], 16), segmentName(0), 8]);
      cases.push(['a checkpoint at 6 and records only up to LSN 3', modelDisk([{ base: 0, records: [record(0, 1), record(1, 2), record(2, 3)] }], 16, 6), 'CHECKPOINT', 0]);
      const trailer = modelDisk([{ base: 0, records: [record(0, 5)], extra: Uint8Array.of(0, 0, 0, 7) }], 16);
      cases.push(['a nonzero byte in the trailer of the last segment', trailer, segmentName(0), 12]);
      for (const [what, disk, segment, offset] of cases) {
        const expected = modelOpen(disk, 16);
        expect(expected, `suite: the model on ${what}`).toEqual({ kind: 'corrupt', segment, offset });
        const before = snapshot(disk);
        expectCorruption(mod.format, `${what}: Wal.open`, () => mod.Wal.open(disk, { blockBytes: 16 }), segment, offset);
        expect(snapshot(disk) === before, `${what}: Wal.open threw, and changed the disk first (WAL-2.4)`).toBe(true);
      }
      // A damaged segment wholly below the checkpoint is not read: it is removed.
      const below = modelDisk([{ base: 0, records: [record(0, 4)], extra: Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1) }, { base: 1, records: [record(1, 4)] }], 16, 1);
      expectOpenAsModel(mod, below, 16, 'a corrupt segment wholly below the checkpoint');
    },
  );

  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'what open recovered is durable before it returns: a power failure right after open takes none of it back',
      hint: 'README, WAL-2.6: after a process crash the unsynced appends are still in the page cache; open reads them, so it must sync them (and any new name) before it says they are there.',
      clauses: ['WAL-2.6'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      for (const blockBytes of [16, 32_768]) {
        for (const torn of [0, 5]) {
          // A process that died: segment 0 synced, segment 2's bytes and name not yet, and records appended to it.
          const disk = modelDisk([{ base: 0, records: [record(0, 5), record(1, 30)] }], blockBytes);
          const last = modelSegment([record(2, 7), record(3, 0), record(4, 40)], blockBytes);
          disk.append(segmentName(2), last.subarray(0, last.length - torn));
          const what = `blockBytes ${blockBytes}: a segment whose bytes and name were never synced${torn > 0 ? ', its last record torn,' : ''} opened after the process died`;
          const { wal } = openLog(mod, disk, { blockBytes }, what);
          const recovered = torn > 0 ? 4 : 5;
          expect(wal.durableLsn, `${what}: durableLsn`).toBe(recovered);
          const after = openLog(mod, disk.durableCopy(), { blockBytes }, `${what}, then a power failure`);
          expectRecords(after.wal.read(0), [record(0, 5), record(1, 30), record(2, 7), record(3, 0), record(4, 40)].slice(0, recovered), `${what}, then a power failure: the records`);
        }
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'open rejects bad options, accepts both ends of each range, reads its options once, and rethrows a storage error as it is',
      hint: 'README, WAL-2.1 and WAL-2.8: blockBytes in [8, 32768], segmentBytes in [1, 2^30]; read each option once; an error from the storage is thrown unchanged.',
      clauses: ['WAL-2.1', 'WAL-2.8', 'WAL-0.1', 'WAL-0.2'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      // A disk open would change (a tail to cut, a temporary to remove): refused options must leave it alone.
      const busy = (): CountingStorage => {
        const disk = modelDisk([{ base: 0, records: [record(0, 3)], extra: Uint8Array.of(1, 2) }], 16);
        disk.write('CHECKPOINT.tmp', Uint8Array.of(1));
        return new CountingStorage(disk);
      };
      // …and so must an empty disk, where nothing would be read that could catch the bad option later.
      for (const [what, make] of [['a busy disk', busy], ['an empty disk', () => new CountingStorage(new SimStorage())]] as const) {
        for (const blockBytes of [7, 32_769, 12.5, Number.NaN, -1, '16' as unknown as number, null as unknown as number]) {
          const disk = make();
          expectRangeError(`Wal.open(${what}, { blockBytes: ${String(blockBytes)} })`, () => mod.Wal.open(disk, { blockBytes }), 'blockBytes');
          expect(disk.calls, `storage calls made by the refused Wal.open(${what}, { blockBytes: ${String(blockBytes)} })`).toEqual([]);
        }
        for (const segmentBytes of [0, 2 ** 30 + 1, 1.5, Number.POSITIVE_INFINITY, -5, '20' as unknown as number]) {
          const disk = make();
          expectRangeError(`Wal.open(${what}, { segmentBytes: ${String(segmentBytes)} })`, () => mod.Wal.open(disk, { blockBytes: 16, segmentBytes }), 'segmentBytes');
          expect(disk.calls, `storage calls made by the refused Wal.open(${what}, { segmentBytes: ${String(segmentBytes)} })`).toEqual([]);
        }
      }
      // Both ends: the smallest block and segment, then the largest.
      for (const options of [{ blockBytes: 8, segmentBytes: 1 }, { blockBytes: 32_768, segmentBytes: 2 ** 30 }]) {
        const disk = new SimStorage();
        const { wal } = openLog(mod, disk, options, `open(${JSON.stringify(options)})`);
        for (let i = 0; i < 3; i++) wal.append(record(i, 20));
        wal.sync();
        expect(disk.list().length, `${JSON.stringify(options)}: segments after 3 records`).toBe(options.segmentBytes === 1 ? 3 : 1);
        expectRecords(openLog(mod, disk.durableCopy(), options, 'reopen').wal.read(0), [0, 1, 2].map((i) => record(i, 20)), `${JSON.stringify(options)}: reopened`);
      }
      // Options read once: a later read of either field would get a value out of range.
      const reads = { blockBytes: 0, segmentBytes: 0 };
      const fickle = {
        get blockBytes() {
          return reads.blockBytes++ === 0 ? 16 : 5;
        },
        get segmentBytes() {
          return reads.segmentBytes++ === 0 ? 20 : -1;
        },
      };
      const disk = new SimStorage();
      const { wal } = openLog(mod, disk, fickle, 'open with options whose fields change after the first read');
      for (let i = 0; i < 4; i++) wal.append(record(i, 12));
      wal.sync();
      const segments = modelOpen(disk, 16);
      expect(segments.kind === 'ok' && segments.segments.length, 'segments written with blockBytes 16 and segmentBytes 20').toBe(4);
      expect(reads, 'reads of each option').toEqual({ blockBytes: 1, segmentBytes: 1 });
      // A storage error inside open is thrown unchanged.
      const failure = new Error('disk read failed');
      const broken: Storage = { ...methodsOf(modelDisk([{ base: 0, records: [record(0, 3)] }], 16)), read: () => { throw failure; } };
      let thrown: unknown;
      try {
        mod.Wal.open(broken, { blockBytes: 16 });
      } catch (error) {
        thrown = error;
      }
      if (thrown instanceof Error && thrown.name === 'NotImplementedError') throw thrown;
      expect(thrown === failure, `Wal.open on a storage whose read throws should throw that same error, but ${thrown === undefined ? 'returned' : `threw ${describeError(thrown)}`}`).toBe(true);
    },
  );

  suite.test(
    {
      points: 8,
      category: 'faults',
      name: 'after a crash before any storage call, from an empty disk, open returns a byte-identical prefix holding every synced record',
      hint: 'README, task 2, WAL-2.7: a torn or zero-filled tail is cut, never treated as corruption; and task 3, WAL-3.2: sync the old segment before the new one gets a byte.',
      clauses: ['WAL-2.7', 'WAL-2.5', 'WAL-2.6', 'WAL-3.2', 'WAL-3.3'],
      deadlineMs: 60_000,
    },
    (t) => {
      const mod = suite.impl();
      for (const [blockBytes, segmentBytes, count] of [
        [16, 48, 16],
        [8, 1, 10],
        [32768, 100, 12],
      ] as const) {
        const result = sweep(mod, appendsAndSyncs(count, blockBytes, t.seed), { options: { blockBytes, segmentBytes }, limit: 400, zeroFill: true, seed: t.seed });
        expect(result.points, 'crash points').toBeGreaterThan(count);
      }
    },
  );
});

/** A Storage's methods, bound, as a plain object that a test can override one of. */
function methodsOf(disk: SimStorage): Storage {
  return {
    list: () => disk.list(),
    read: (name) => disk.read(name),
    append: (name, bytes) => disk.append(name, bytes),
    write: (name, bytes) => disk.write(name, bytes),
    remove: (name) => disk.remove(name),
    rename: (from, to) => disk.rename(from, to),
    sync: (name) => disk.sync(name),
    syncDirectory: () => disk.syncDirectory(),
  };
}
