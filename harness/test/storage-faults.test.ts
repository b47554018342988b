/**
 * harness/storage: each fault does what its fault model says and nothing
 * more, and the crash-point sweep finds every call and every outcome the
 * crash model allows.
 */
import { describe, expect, test } from 'vitest';
import { Rng, SimStorage, type Storage } from '../index';
import { crashOutcomes, CrashPoints, FailingStorage, flipBit, recordCrashPoints, StorageIoError, zeroFilled, zeroFilledAtRandom } from '../storage';

const bytes = (...values: number[]) => Uint8Array.from(values);
const contents = (disk: Storage): string =>
  disk
    .list()
    .map((name) => `${name}=${Array.from(disk.read(name)!).join(',')}`)
    .join(' ');

/** A disk with `log` holding 1,2 synced, then 3,4,5 appended and not synced. */
function tornLog(): SimStorage {
  const disk = new SimStorage();
  disk.append('log', bytes(1, 2));
  disk.sync('log');
  disk.syncDirectory();
  disk.append('log', bytes(3, 4, 5));
  return disk;
}

describe('a zero-filled tail', () => {
  test('a torn file gets zeros from the kept prefix up to the length it had before the crash; synced bytes never change', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 100; seed++) {
      const disk = tornLog();
      const report = disk.crash(new Rng(seed));
      const filled = zeroFilled(disk, report, () => true);
      const after = Array.from(disk.read('log')!);
      seen.add(after.join(','));
      expect(after.slice(0, 2)).toEqual([1, 2]);
      if (report.torn.length === 0) {
        expect(filled).toEqual([]);
        expect(after).toEqual([1, 2, 3, 4, 5]);
      } else {
        expect(after).toHaveLength(5);
        const kept = report.torn[0]!.kept;
        expect(after).toEqual([1, 2, 3, 4, 5].slice(0, 2 + kept).concat(Array(3 - kept).fill(0)));
        expect(filled).toEqual([{ name: 'log', zeros: 3 - kept }]);
      }
      // What a crash leaves is durable, zeros included.
      expect(contents(disk.durableCopy())).toBe(contents(disk));
    }
    expect([...seen].sort()).toEqual(['1,2,0,0,0', '1,2,3,0,0', '1,2,3,4,0', '1,2,3,4,5']);
  });

  test('a file the chooser declines, or that the crash did not tear, is left as the crash left it', () => {
    const disk = tornLog();
    const report = disk.crash({ int: (min: number) => min } as unknown as Rng);
    expect(zeroFilled(disk, report, () => false)).toEqual([]);
    expect(Array.from(disk.read('log')!)).toEqual([1, 2]);
    const random = tornLog();
    const r = random.crash(new Rng(3));
    expect(zeroFilledAtRandom(random, r, new Rng(4)).length).toBeLessThanOrEqual(1);
  });
});

describe('a flipped bit', () => {
  test('inverts exactly the one bit asked for, on a new disk, and leaves the old one alone', () => {
    const disk = new SimStorage();
    disk.append('seg', bytes(0b1010, 0xff));
    disk.sync('seg');
    disk.syncDirectory();
    for (let bit = 0; bit < 16; bit++) {
      const flipped = flipBit(disk, 'seg', bit);
      const expected = [0b1010, 0xff];
      expected[bit >> 3]! ^= 1 << (bit & 7);
      expect(Array.from(flipped.read('seg')!)).toEqual(expected);
      // The flip is durable: a crash does not undo it.
      expect(Array.from(flipped.durableCopy().read('seg')!)).toEqual(expected);
    }
    expect(Array.from(disk.read('seg')!)).toEqual([0b1010, 0xff]);
  });

  test('refuses a file with unsynced bytes or a name not yet durable, and a bit past the end', () => {
    const disk = tornLog();
    expect(() => flipBit(disk, 'log', 0)).toThrow(/not durable/);
    const fresh = new SimStorage();
    fresh.append('new', bytes(1));
    fresh.sync('new');
    expect(() => flipBit(fresh, 'new', 0)).toThrow(/not durable/);
    fresh.syncDirectory();
    expect(() => flipBit(fresh, 'new', 8)).toThrow(RangeError);
    expect(() => flipBit(fresh, 'gone', 0)).toThrow(/no file/);
  });
});

describe('a failing sync', () => {
  test('the calls before the chosen one pass through; the chosen one throws EIO and does nothing', () => {
    const disk = new SimStorage();
    const failing = new FailingStorage(disk, { failAt: 2 });
    failing.append('a', bytes(1));
    failing.sync('a'); // call 1: passes through
    expect(failing.failure).toBeUndefined();
    expect(Array.from(disk.durableCopy().read('a') ?? [])).toEqual([]); // the name is not durable yet
    expect(() => failing.syncDirectory()).toThrow(StorageIoError); // call 2: fails, and makes nothing durable
    expect(disk.durableCopy().list()).toEqual([]);
    expect(failing.failure?.call).toBe('syncDirectory');
  });

  test('a failed sync loses what it should have saved, even when it is retried', () => {
    const disk = new SimStorage();
    const failing = new FailingStorage(disk, { failAt: 3 });
    failing.append('log', bytes(1));
    failing.sync('log');
    failing.syncDirectory();
    failing.append('log', bytes(2));
    let thrown: unknown;
    try {
      failing.sync('log');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StorageIoError);
    expect((thrown as StorageIoError).code).toBe('EIO');
    expect(failing.failure).toEqual({ call: 'sync log', error: thrown });
    // The retry succeeds, and the byte is still not durable: fsyncgate.
    failing.sync('log');
    failing.append('other', bytes(7));
    failing.sync('other');
    failing.syncDirectory();
    expect(Array.from(disk.read('log')!)).toEqual([1, 2]);
    expect(Array.from(disk.durableCopy().read('log')!)).toEqual([1]);
    // Other files are not affected.
    expect(Array.from(disk.durableCopy().read('other')!)).toEqual([7]);
    expect(failing.syncCalls).toBe(6);
  });

  test('a failed syncDirectory leaves new names volatile for good', () => {
    const disk = new SimStorage();
    const failing = new FailingStorage(disk, { failAt: 2 });
    failing.append('x', bytes(1));
    failing.sync('x');
    expect(() => failing.syncDirectory()).toThrow(/EIO/);
    failing.syncDirectory();
    expect(disk.durableCopy().list()).toEqual([]);
    expect(failing.list()).toEqual(['x']);
  });

  test('is frozen, and refuses a failAt that is not a positive integer', () => {
    const failing = new FailingStorage(new SimStorage(), { failAt: 1 });
    expect(Object.isFrozen(failing)).toBe(true);
    expect(Object.isFrozen(FailingStorage.prototype)).toBe(true);
    expect(() => new FailingStorage(new SimStorage(), { failAt: 0 })).toThrow(RangeError);
  });
});

describe('crash points', () => {
  test('one point before each call that changes the disk and one after the last, each with the disk and state of that moment', () => {
    const disk = new SimStorage();
    let step = 0;
    const { points, error } = recordCrashPoints(
      disk,
      (storage) => {
        storage.append('a', bytes(1));
        step = 1;
        expect(storage.read('a')).toEqual(bytes(1));
        storage.sync('a');
        step = 2;
        storage.rename('a', 'b');
        storage.syncDirectory();
        step = 3;
      },
      () => step,
    );
    expect(error).toBeUndefined();
    expect(points.map((p) => [p.index, p.call, p.state, contents(p.disk)])).toEqual([
      [0, 'append a (1 B)', 0, ''],
      [1, 'sync a', 1, 'a=1'],
      [2, 'rename a → b', 2, 'a=1'],
      [3, 'syncDirectory', 2, 'b=1'],
      [4, 'end', 3, 'b=1'],
    ]);
    expect(points[3]!.recent).toEqual(['append a (1 B)', 'sync a', 'rename a → b']);
    // Each point's disk is its own: unsynced state included, and the workload's disk moved on.
    expect(points[1]!.disk.durableCopy().list()).toEqual([]);
    expect(Object.isFrozen(CrashPoints.prototype)).toBe(true);
  });

  test('a workload that throws returns the points up to the throw, and one that never settles is stopped', () => {
    const thrown = recordCrashPoints(
      new SimStorage(),
      (storage) => {
        storage.append('a', bytes(1));
        throw new Error('boom');
      },
      () => null,
    );
    expect(thrown.points).toHaveLength(1);
    expect((thrown.error as Error).message).toBe('boom');
    const endless = recordCrashPoints(
      new SimStorage(),
      (storage) => {
        for (;;) storage.append('a', bytes(1));
      },
      () => null,
      { maxCalls: 10 },
    );
    expect(String(endless.error)).toMatch(/more than 10 storage calls/);
  });
});

describe('crash outcomes', () => {
  /** A created file with 3 unsynced bytes, a synced one rewritten, and a removal: every kind of choice. */
  function busyDisk(): SimStorage {
    const disk = new SimStorage();
    disk.append('keep', bytes(9));
    disk.write('meta', bytes(1));
    disk.sync('keep');
    disk.sync('meta');
    disk.syncDirectory();
    disk.append('log', bytes(1, 2, 3));
    disk.write('meta', bytes(2, 2));
    disk.remove('keep');
    return disk;
  }

  test('lists the process dying first, then exactly the outcomes the crash model can reach', () => {
    const outcomes = [...crashOutcomes(busyDisk())];
    expect(outcomes[0]!.description).toMatch(/the process died/);
    expect(contents(outcomes[0]!.disk)).toBe(contents(busyDisk()));
    const listed = new Set(outcomes.slice(1).map((o) => contents(o.disk)));
    const reached = new Set<string>();
    for (let seed = 1; seed <= 3000; seed++) {
      const disk = busyDisk();
      disk.crash(new Rng(seed));
      reached.add(contents(disk));
    }
    expect([...listed].sort()).toEqual([...reached].sort());
    // Directory operations (create log, remove keep): 0, 1 or 2 kept. meta: old, new, or a prefix of 0 or 1 bytes (4);
    // log, when its creation survived: 0 to 3 of its bytes (4).
    expect(outcomes.length - 1).toBe(4 + 4 * 4 + 4 * 4);
  });

  test('with zero fills, each torn file also comes back zero-filled to its old length', () => {
    const disk = tornLog();
    const plain = [...crashOutcomes(disk)].map((o) => contents(o.disk));
    const filled = [...crashOutcomes(disk, { zeroFill: true })].map((o) => contents(o.disk));
    expect(plain.slice(1).sort()).toEqual(['log=1,2', 'log=1,2,3', 'log=1,2,3,4', 'log=1,2,3,4,5']);
    expect(filled.slice(1).sort()).toEqual(['log=1,2', 'log=1,2,0,0,0', 'log=1,2,3', 'log=1,2,3,0,0', 'log=1,2,3,4', 'log=1,2,3,4,0', 'log=1,2,3,4,5']);
  });

  test('past the limit, the extremes and a seeded sample, the same for the same seed', () => {
    const disk = new SimStorage();
    disk.append('log', new Uint8Array(50).fill(1));
    const sample = [...crashOutcomes(disk, { limit: 10, seed: 5 })];
    expect(sample).toHaveLength(1 + 3 + 10);
    expect(sample[1]!.description).toMatch(/^the worst crash/);
    expect(contents(sample[1]!.disk)).toBe('');
    expect(contents(sample[2]!.disk)).toBe('log=');
    expect(contents(sample[3]!.disk)).toBe(contents(disk));
    expect([...crashOutcomes(disk, { limit: 10, seed: 5 })].map((o) => contents(o.disk))).toEqual(sample.map((o) => contents(o.disk)));
    // Its creation lost (1), or kept with 0 to 50 of its bytes (51).
    expect([...crashOutcomes(disk, { limit: 100 })]).toHaveLength(1 + 1 + 51);
  });

  test('the disk it was given is not changed', () => {
    const disk = busyDisk();
    const before = contents(disk);
    for (const outcome of crashOutcomes(disk, { zeroFill: true })) expect(outcome.disk).not.toBe(disk);
    expect(contents(disk)).toBe(before);
    expect(disk.durableCopy().list()).toEqual(['keep', 'meta']);
  });
});
