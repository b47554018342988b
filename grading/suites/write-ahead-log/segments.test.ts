/**
 * Task 3 — segments and checkpoints. The bytes each segment holds, byte for
 * byte; the order of syncs around a new segment; checkpoints under a crash at
 * every storage call; the ranges of checkpoint and read; and a whole session
 * of every call against a model, reopened after crashes.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { SimStorage } from '../../../harness';
import { expectRangeError } from '../../../harness/suite';
import { recordCrashPoints } from '../../../harness/storage';
import { parseSegmentName } from '../../../exercises/write-ahead-log/format';
import { modelLog } from './model';
import { checkSessions } from './session';
import { expectOnlyLastSegmentVolatile, sweep, type Driver } from './sweep';
import { CountingStorage, describeError, expectRecords, hex, openLog, record, sizeArb, walSuite } from './support';

const suite = walSuite();

/** Appends of the given sizes, a sync after each record the pattern marks, and a sync at the end. */
const workloadArb = fc.constantFrom(8, 16, 32).chain((blockBytes) =>
  fc.record({
    blockBytes: fc.constant(blockBytes),
    segmentBytes: fc.oneof(fc.constantFrom(1, 7, 8, blockBytes, 2 ** 30), fc.integer({ min: 1, max: 120 })),
    sizes: fc.array(sizeArb(blockBytes), { minLength: 1, maxLength: 14 }),
    syncs: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
  }),
);

/** The log's files must be segments, CHECKPOINT, or temporaries (WAL-0.5). */
const isLogFile = (name: string): boolean => parseSegmentName(name) !== undefined || name === 'CHECKPOINT' || name.endsWith('.tmp');

suite.task(3, () => {
  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'a record starts a new segment, named for its LSN, once the last holds segmentBytes bytes, and each segment holds exactly its records’ fragments',
      hint: 'README, WAL-3.1: rotate before a record when the last segment’s size is at least segmentBytes; a new segment’s blocks start at its first byte; encode each record at the segment’s current length.',
      clauses: ['WAL-3.1', 'WAL-1.2', 'WAL-0.5'],
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(workloadArb, ({ blockBytes, segmentBytes, sizes, syncs }) => {
          const disk = new SimStorage();
          const { wal } = openLog(mod, disk, { blockBytes, segmentBytes }, 'open on an empty disk');
          const records = sizes.map((size, i) => record(i, size, i % 4 === 3));
          records.forEach((r, i) => {
            expect(wal.append(r), `append of record ${i}`).toBe(i);
            if (syncs[i]) wal.sync();
          });
          wal.sync();
          const what = `blockBytes ${blockBytes}, segmentBytes ${segmentBytes}, records of ${sizes.join(', ')} bytes`;
          const expected = modelLog(records, blockBytes, segmentBytes);
          expect(disk.list(), `${what}: the files`).toEqual([...expected.keys()]);
          for (const [name, bytes] of expected) expect(hex(disk.read(name)!, 1000), `${what}: ${name}`).toBe(hex(bytes, 1000));
        }),
        { numRuns: 150 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'the segment before a new one is synced before the new one gets a byte, and sync makes every record and new segment name durable',
      hint: 'README, WAL-3.2 and WAL-3.3: sync the old segment when you start a new one; sync() syncs every segment written since, and the directory if a segment was created.',
      clauses: ['WAL-3.2', 'WAL-3.3'],
    },
    (t) => {
      const mod = suite.impl();
      t.check(
        fc.property(workloadArb, ({ blockBytes, segmentBytes, sizes, syncs }) => {
          const what = `blockBytes ${blockBytes}, segmentBytes ${segmentBytes}, records of ${sizes.join(', ')} bytes`;
          const records = sizes.map((size, i) => record(i, size));
          let appended = 0;
          const disk = new SimStorage();
          const { points, error } = recordCrashPoints(
            disk,
            (storage) => {
              const { wal } = mod.Wal.open(storage, { blockBytes, segmentBytes });
              records.forEach((r, i) => {
                wal.append(r);
                appended = i + 1;
                if (syncs[i]) {
                  expect(wal.sync(), `${what}: sync after record ${i}`).toBe(i + 1);
                  // Right after sync returns, the worst crash keeps every record.
                  const safe = openLog(mod, disk.durableCopy(), { blockBytes }, `${what}: a power failure right after sync returned ${i + 1}`);
                  expectRecords(safe.wal.read(0), records.slice(0, i + 1), `${what}: a power failure right after sync returned ${i + 1}`);
                }
              });
            },
            () => appended,
          );
          if (error !== undefined) throw error;
          for (const point of points) expectOnlyLastSegmentVolatile(point.disk, `${what}: ${point.call === 'end' ? 'after the last call' : `before storage call ${point.index + 1} (${point.call})`}, after ${point.state} appends`);
        }),
        { numRuns: 60 },
      );
    },
  );

  suite.test(
    {
      points: 6,
      category: 'faults',
      name: 'after a crash at any storage call of a checkpoint, open finds the old checkpoint or the new one, and every durable record from there',
      hint: 'README, WAL-3.4: write CHECKPOINT.tmp, sync it, rename it, sync the directory, and only then remove segments wholly below the checkpoint, never the last.',
      clauses: ['WAL-3.4', 'WAL-3.5', 'WAL-2.7'],
      deadlineMs: 30_000,
    },
    (t) => {
      const mod = suite.impl();
      for (const [blockBytes, segmentBytes] of [
        [16, 30],
        [8, 1],
      ] as const) {
        const workload = (driver: Driver): void => {
          for (let i = 0; i < 14; i++) {
            driver.append(record(i, [3, 0, 12, 9, 1][(i + t.seed) % 5]!));
            if (i % 3 === 2) driver.sync();
            if (i === 5) driver.checkpoint(driver.wal.durableLsn);
            if (i === 8) driver.checkpoint(driver.wal.firstLsn);
            if (i === 12) driver.checkpoint(driver.wal.firstLsn + 2);
          }
          driver.sync();
          driver.checkpoint(driver.wal.durableLsn);
        };
        sweep(mod, workload, { options: { blockBytes, segmentBytes }, limit: 200, zeroFill: true, seed: t.seed });
        // Without a crash: each checkpoint is durable when it returns, and removes what it covers.
        const disk = new SimStorage();
        const { wal } = openLog(mod, disk, { blockBytes, segmentBytes }, 'open on an empty disk');
        for (let i = 0; i < 12; i++) wal.append(record(i, 5));
        wal.sync();
        for (const lsn of [0, 4, 4, 11, 12]) {
          wal.checkpoint(lsn);
          const what = `blockBytes ${blockBytes}, segmentBytes ${segmentBytes}, 12 records synced, checkpoint(${lsn})`;
          expect(wal.firstLsn, `${what}: firstLsn`).toBe(lsn);
          const bases = disk.list().flatMap((name) => parseSegmentName(name) ?? []);
          expect(bases.length, `${what}: segments left`).toBeGreaterThan(0);
          expect(bases.filter((b, i) => i + 1 < bases.length && bases[i + 1]! <= lsn), `${what}: segments wholly below the checkpoint, still there`).toEqual([]);
          const after = openLog(mod, disk.durableCopy(), { blockBytes, segmentBytes }, `${what}, then a power failure`);
          expect(after.wal.firstLsn, `${what}, then a power failure: firstLsn (the checkpoint must be durable when checkpoint returns)`).toBe(lsn);
          expectRecords(after.wal.read(lsn), Array.from({ length: 12 - lsn }, (_, i) => record(lsn + i, 5)), `${what}, then a power failure: the records`, lsn);
        }
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'checkpoint takes an LSN in [firstLsn, durableLsn], read one in [firstLsn, nextLsn], append a Uint8Array, and a refused call makes no storage call and uses no LSN',
      hint: 'README, WAL-0.1, WAL-0.2, WAL-3.4 and WAL-3.6: check the argument before anything else; a RangeError names lsn or from, a TypeError names record.',
      clauses: ['WAL-0.1', 'WAL-0.2', 'WAL-3.4', 'WAL-3.6'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      const counting = new CountingStorage(new SimStorage());
      const { wal } = openLog(mod, counting, { blockBytes: 16, segmentBytes: 20 }, 'open on an empty disk');
      for (let i = 0; i < 6; i++) wal.append(record(i, 6));
      wal.sync();
      wal.checkpoint(2);
      wal.append(record(6, 6));
      // firstLsn 2, durableLsn 6, nextLsn 7.
      const unchanged = (what: string): void => {
        expect({ firstLsn: wal.firstLsn, nextLsn: wal.nextLsn, durableLsn: wal.durableLsn }, `after ${what}`).toEqual({ firstLsn: 2, nextLsn: 7, durableLsn: 6 });
      };
      for (const lsn of [1, 7, 2.5, Number.NaN, -1, Number.POSITIVE_INFINITY]) {
        const calls = counting.calls.length;
        expectRangeError(`checkpoint(${lsn}) with firstLsn 2 and durableLsn 6`, () => wal.checkpoint(lsn), 'lsn');
        expect(counting.calls.slice(calls), `storage calls made by the refused checkpoint(${lsn})`).toEqual([]);
        unchanged(`checkpoint(${lsn})`);
      }
      for (const from of [1, 8, 3.5, Number.NaN, -2]) {
        expectRangeError(`read(${from}) with firstLsn 2 and nextLsn 7`, () => wal.read(from), 'from');
      }
      expectRecords(wal.read(2), [2, 3, 4, 5, 6].map((i) => record(i, 6)), 'read(firstLsn)', 2);
      expect(wal.read(7), 'read(nextLsn)').toEqual([]);
      for (const bad of ['text', [1, 2], null, undefined, new Uint16Array(3)]) {
        const calls = counting.calls.length;
        let thrown: unknown;
        try {
          wal.append(bad as unknown as Uint8Array);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `append(${describeError(bad)}) should throw a TypeError naming record, but ${thrown === undefined ? 'returned' : `threw ${describeError(thrown)}`}`).toBeInstanceOf(TypeError);
        expect((thrown as Error).message, `the TypeError of append(${describeError(bad)})`).toContain('record');
        expect(counting.calls.slice(calls), `storage calls made by the refused append(${describeError(bad)})`).toEqual([]);
        unchanged(`append(${describeError(bad)})`);
      }
      expect(wal.append(record(7, 1)), 'the LSN of the next append, after refused ones').toBe(7);
      // Both ends of checkpoint's range are accepted.
      wal.checkpoint(2);
      wal.sync();
      wal.checkpoint(8);
      expect(wal.firstLsn, 'firstLsn after checkpoint(durableLsn)').toBe(8);
      expect(wal.read(8), 'read(8) after checkpoint(8)').toEqual([]);
      expect(counting.disk.list().length, 'segments left after checkpointing everything: the last one stays').toBeGreaterThan(0);
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'appends, syncs, reads, checkpoints and reopens after crashes agree with a model over a whole session, with the caller changing every array',
      hint: 'README, WAL-0.4 and WAL-3.6: copy a record when it is appended (it may be a view, and the caller may overwrite it), return new arrays from read, and keep the getters true after every call.',
      clauses: ['WAL-0.4', 'WAL-0.5', 'WAL-3.1', 'WAL-3.3', 'WAL-3.4', 'WAL-3.6', 'WAL-2.7'],
      deadlineMs: 20_000,
    },
    (t) => {
      checkSessions(t, suite.impl(), 120);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'the log keeps no file but its segments, CHECKPOINT and temporaries, and leaves other files alone',
      hint: 'README, WAL-0.5 and WAL-3.5: name segments with segmentName, temporaries with a .tmp suffix; never remove a file you do not recognise.',
      clauses: ['WAL-0.5', 'WAL-3.5'],
    },
    (t) => {
      const mod = suite.impl();
      void t;
      const disk = new SimStorage();
      for (const name of ['notes.txt', 'wal-7.log', 'CHECKPOINT.old']) {
        disk.write(name, Uint8Array.of(1));
        disk.sync(name);
      }
      disk.syncDirectory();
      const others = disk.list();
      const seen = new Set<string>();
      const { points, error } = recordCrashPoints(
        disk,
        (storage) => {
          const log = mod.Wal.open(storage, { blockBytes: 16, segmentBytes: 10 }).wal;
          for (let i = 0; i < 10; i++) {
            log.append(record(i, 4));
            if (i % 2 === 1) log.sync();
            if (i === 6) log.checkpoint(4);
          }
          log.sync();
        },
        () => null,
      );
      if (error !== undefined) throw error;
      for (const point of points) for (const name of point.disk.list()) seen.add(name);
      const strangers = [...seen].filter((name) => !others.includes(name) && !isLogFile(name));
      expect(strangers, 'files the log created that are not segments, CHECKPOINT or .tmp').toEqual([]);
      for (const name of others) expect(disk.read(name), `${name}, which is not the log's`).toEqual(Uint8Array.of(1));
    },
  );
});
