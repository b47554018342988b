/**
 * The crash sweep of the log: a workload runs once from an empty disk; before
 * every storage call it makes, and after the last, the disk is crashed in
 * every way the crash model allows (harness/storage), and each crashed disk
 * is opened and held to the promise [WAL-2.7]:
 * - open does not throw: a crash alone never damages synced bytes;
 * - the records are the appended ones from firstLsn on, byte for byte, with
 *   no gap or duplicate, and at least every record the last completed sync
 *   covered; firstLsn is the durable checkpoint, or the one being installed;
 * - the recovered log takes a new record, syncs it, and after a power failure
 *   that loses everything unsynced, a second open finds the same records and
 *   the new one: recovery made what it found durable [WAL-2.6], cut its tail
 *   so that appends land after good records [WAL-2.5], and syncs directory
 *   changes it made.
 * Also at every crash point, before any crash: each segment but the last is
 * durable, byte for byte [WAL-3.2].
 */
import { expect } from 'vitest';
import { SimStorage, type Rng } from '../../../harness';
import { crashOutcomes, recordCrashPoints } from '../../../harness/storage';
import { parseSegmentName } from '../../../exercises/write-ahead-log/format';
import { describeError, expectRecords, hex, record, type WalLike, type WalModule, type WalOptions } from './support';

/** What the workload has done, as the sweep remembers it at each crash point. */
export interface RunState {
  /** Every record whose append started, by LSN. */
  readonly appended: Uint8Array[];
  /** What the last completed sync returned (or open, at the start). */
  synced: number;
  /** The checkpoint whose install completed. */
  checkpoint: number;
  /** The checkpoint being installed, if any. */
  installing: number | undefined;
}

/** The calls a workload makes through, so that the sweep knows what was acknowledged. */
export class Driver {
  readonly state: RunState = { appended: [], synced: 0, checkpoint: 0, installing: undefined };
  constructor(readonly wal: WalLike) {
    this.state.synced = wal.durableLsn;
    this.state.checkpoint = wal.firstLsn;
  }
  append(bytes: Uint8Array): number {
    this.state.appended.push(bytes.slice());
    const lsn = this.wal.append(bytes);
    expect(lsn, `append of record ${this.state.appended.length - 1} returned`).toBe(this.state.appended.length - 1);
    return lsn;
  }
  sync(): void {
    const durable = this.wal.sync();
    expect(durable, 'sync() returned').toBe(this.state.appended.length);
    this.state.synced = durable;
  }
  checkpoint(lsn: number): void {
    this.state.installing = lsn;
    this.wal.checkpoint(lsn);
    this.state.checkpoint = lsn;
    this.state.installing = undefined;
  }
}

const copyState = (s: RunState): RunState => ({ appended: [...s.appended], synced: s.synced, checkpoint: s.checkpoint, installing: s.installing });

export interface SweepOptions {
  readonly options: WalOptions;
  /** The most crash outcomes tried in full at one point; past it, the extremes and a sample. */
  readonly limit: number;
  readonly zeroFill: boolean;
  readonly seed: number;
  /** Check the second crash (append, sync, power failure, open) on every n-th outcome; 1 for all. */
  readonly continueEvery?: number;
}

export interface SweepResult {
  readonly points: number;
  readonly outcomes: number;
}

/** Runs `workload` on a log opened on an empty disk, and holds every crash of it to the promise. */
export function sweep(mod: WalModule, workload: (driver: Driver) => void, sweepOptions: SweepOptions): SweepResult {
  const { options } = sweepOptions;
  let driver: Driver | undefined;
  const { points, error } = recordCrashPoints(
    new SimStorage(),
    (storage) => {
      driver = new Driver(mod.Wal.open(storage, options).wal);
      workload(driver);
    },
    () => (driver === undefined ? { appended: [], synced: 0, checkpoint: 0, installing: undefined } : copyState(driver.state)),
  );
  if (error !== undefined) {
    if (error instanceof Error && error.name === 'NotImplementedError') throw error;
    expect.fail(`the workload failed on a disk that never crashed, at storage call ${points.length}: ${describeError(error)}`);
  }
  let outcomes = 0;
  for (const point of points) {
    const where = `crash ${point.call === 'end' ? 'after the last storage call' : `before storage call ${point.index + 1} (${point.call})`}\nthe calls before it: ${[...point.recent, point.call === 'end' ? '' : `✗ ${point.call}`].filter(Boolean).join(' · ') || 'none'}`;
    expectOnlyLastSegmentVolatile(point.disk, where);
    let n = 0;
    for (const outcome of crashOutcomes(point.disk, { zeroFill: sweepOptions.zeroFill, limit: sweepOptions.limit, seed: sweepOptions.seed + point.index })) {
      const check = n % (sweepOptions.continueEvery ?? 1) === 0;
      n++;
      outcomes++;
      checkRecovery(mod, options, outcome.disk, point.state, `${where}\n${outcome.description}`, check);
    }
  }
  return { points: points.length, outcomes };
}

/**
 * [WAL-3.2] Every segment but the last holds no unsynced byte: a crash that
 * keeps every name and no unsynced byte leaves each of them whole.
 */
export function expectOnlyLastSegmentVolatile(disk: SimStorage, where: string): void {
  const segments = disk.list().filter((name) => parseSegmentName(name) !== undefined);
  const synced = disk.clone();
  let draws = 0;
  // The crash model's first draw is how many directory operations survive (all of them); every later one how much unsynced survives (none).
  synced.crash({ int: (min: number, max: number) => (draws++ === 0 ? max : min) } as unknown as Rng);
  for (const name of segments.slice(0, -1)) {
    const now = disk.read(name)!;
    const safe = synced.read(name) ?? new Uint8Array(0);
    if (safe.length !== now.length || safe.some((b, i) => b !== now[i])) {
      expect.fail(
        `${where}\n${name} is not the last segment, yet ${now.length - safe.length} of its ${now.length} bytes are not synced: ` +
          'the segment before a new one must be synced before the new one gets its first byte (README, WAL-3.2), or a crash can tear a segment that is not the last',
      );
    }
  }
}

function checkRecovery(mod: WalModule, options: WalOptions, crashed: SimStorage, state: RunState, where: string, continueAfter: boolean): void {
  const disk = crashed.clone();
  let opened: ReturnType<WalModule['Wal']['open']>;
  try {
    opened = mod.Wal.open(disk, options);
  } catch (error) {
    if (error instanceof Error && error.name === 'NotImplementedError') throw error;
    expect.fail(`${where}\nWal.open threw ${describeError(error)}, but a crash alone only loses unsynced bytes: nothing here is corrupt`);
  }
  const { wal, report } = opened;
  const first = wal.firstLsn;
  const next = wal.nextLsn;
  const allowedFirst = state.installing === undefined ? [state.checkpoint] : [state.checkpoint, state.installing];
  expect(allowedFirst, `${where}\nfirstLsn after open is ${first}: it must be the durable checkpoint${state.installing === undefined ? '' : ' or the one being installed'}`).toContain(first);
  if (next < state.synced) {
    expect.fail(`${where}\nopen recovered records up to LSN ${next - 1}, but sync() had returned ${state.synced}: records ${next} to ${state.synced - 1} were acknowledged as durable and are lost`);
  }
  expect(next, `${where}\nnextLsn after open is ${next}, but only ${state.appended.length} records were ever appended`).toBeLessThanOrEqual(state.appended.length);
  expectRecords(wal.read(first), state.appended.slice(first, next), `${where}\nthe records open recovered`, first);
  expect({ firstLsn: report.firstLsn, nextLsn: report.nextLsn }, `${where}\nthe report of open`).toEqual({ firstLsn: first, nextLsn: next });
  expect(wal.durableLsn, `${where}\ndurableLsn after open (WAL-2.6: what open recovered is durable)`).toBe(next);
  if (!continueAfter) return;
  const extra = record(next, 9);
  const lsn = wal.append(extra);
  expect(lsn, `${where}\nafter open, append returned`).toBe(next);
  expect(wal.sync(), `${where}\nafter open and one append, sync() returned`).toBe(next + 1);
  const again = disk.durableCopy();
  let reopened: ReturnType<WalModule['Wal']['open']>;
  try {
    reopened = mod.Wal.open(again, options);
  } catch (error) {
    if (error instanceof Error && error.name === 'NotImplementedError') throw error;
    expect.fail(`${where}\nthen open, append ${hex(extra, 4)}, sync, a power failure, and open again: the second open threw ${describeError(error)}`);
  }
  const then = `${where}\nthen open, append one record at LSN ${next}, sync, a power failure that loses everything unsynced, and open again`;
  expect(reopened.wal.firstLsn, `${then}: firstLsn`).toBe(first);
  expectRecords(reopened.wal.read(first), [...state.appended.slice(first, next), extra], `${then}: the records`, first);
}

