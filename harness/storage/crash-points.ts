/**
 * Crash at every storage call, in every way the crash model allows.
 *
 * `recordCrashPoints` runs a workload once and keeps, before each call that
 * changes the disk (and once after the last), the disk a crash just then
 * would find, with whatever the suite wants to remember of that moment
 * (what had been acknowledged, say). The calls after a point cannot change
 * what was on disk before it, so one run gives every crash point.
 *
 * `crashOutcomes` then lists what a crash at one point can leave: the
 * process dying with the disk intact, and every outcome of
 * `SimStorage.crash` (which directory operations survive, how much of each
 * file's unsynced appends, which rewrites land), each with and without a
 * zero-filled tail where a file was torn (harness/storage/faults.ts). It
 * drives the crash with a scripted random source, so it follows the crash
 * model's own choices instead of repeating them: the model and the sweep
 * cannot drift apart. When there are more outcomes than `limit`, it gives
 * the extremes and a seeded sample of `limit` outcomes instead, and says so.
 */
import { Rng } from '../rng';
import type { CrashReport, SimStorage } from '../sim/storage';
import type { Storage } from '../sim/types';
import { zeroFilled, type ZeroFill } from './faults';

/**
 * A Storage that, before every call that changes the disk, hands `before` a
 * description of the call. Learner code is handed this object: its state is
 * private and the instance and class are frozen.
 */
export class CrashPoints implements Storage {
  readonly #disk: Storage;
  readonly #before: (call: string) => void;
  constructor(disk: Storage, before: (call: string) => void) {
    this.#disk = disk;
    this.#before = before;
    Object.freeze(this);
  }
  list(): string[] {
    return this.#disk.list();
  }
  read(name: string): Uint8Array | undefined {
    return this.#disk.read(name);
  }
  append(name: string, bytes: Uint8Array): void {
    this.#before(`append ${name} (${bytes.length} B)`);
    this.#disk.append(name, bytes);
  }
  write(name: string, bytes: Uint8Array): void {
    this.#before(`write ${name} (${bytes.length} B)`);
    this.#disk.write(name, bytes);
  }
  remove(name: string): void {
    this.#before(`remove ${name}`);
    this.#disk.remove(name);
  }
  rename(from: string, to: string): void {
    this.#before(`rename ${from} → ${to}`);
    this.#disk.rename(from, to);
  }
  sync(name: string): void {
    this.#before(`sync ${name}`);
    this.#disk.sync(name);
  }
  syncDirectory(): void {
    this.#before('syncDirectory');
    this.#disk.syncDirectory();
  }
}
Object.freeze(CrashPoints.prototype);
Object.freeze(CrashPoints);

/** A moment a crash can come: before storage call `index + 1`, or after the last call. */
export interface CrashPoint<T> {
  /** 0 for before the first call that changes the disk; the number of calls for after the last. */
  readonly index: number;
  /** The call the crash comes before, or `end` for after the last. */
  readonly call: string;
  /** The calls before it, the last few, oldest first. */
  readonly recent: readonly string[];
  /** The disk just then, unsynced bytes and all: a separate copy. */
  readonly disk: SimStorage;
  /** What `remember` returned just then. */
  readonly state: T;
}

export interface RecordOptions {
  /** The most calls a workload may make: a runaway workload is an error, not an endless sweep. 5000 by default. */
  readonly maxCalls?: number;
  /** Wraps the storage the workload gets, under the crash points (a FailingStorage, say). */
  readonly wrap?: (storage: Storage) => Storage;
  /** How many earlier calls each point remembers for its message. 5 by default. */
  readonly recent?: number;
}

/**
 * Runs `workload` on `disk` (which it changes) and returns a crash point
 * before every call that changes the disk and one after the last. If the
 * workload throws, the points up to the throw are returned with the error.
 */
export function recordCrashPoints<T>(
  disk: SimStorage,
  workload: (storage: Storage) => void,
  remember: () => T,
  options: RecordOptions = {},
): { readonly points: CrashPoint<T>[]; readonly error?: unknown } {
  const maxCalls = options.maxCalls ?? 5000;
  const keep = options.recent ?? 5;
  const points: CrashPoint<T>[] = [];
  const calls: string[] = [];
  const inner = options.wrap === undefined ? disk : options.wrap(disk);
  const storage = new CrashPoints(inner, (call) => {
    if (points.length >= maxCalls) throw new Error(`sim: the workload made more than ${maxCalls} storage calls: does it ever settle?`);
    points.push({ index: points.length, call, recent: calls.slice(-keep), disk: disk.clone(), state: remember() });
    calls.push(call);
  });
  try {
    workload(storage);
  } catch (error) {
    return { points, error };
  }
  points.push({ index: points.length, call: 'end', recent: calls.slice(-keep), disk: disk.clone(), state: remember() });
  return { points };
}

/** One way a crash can leave the disk. */
export interface CrashOutcome {
  /** The disk after the crash: a separate copy. */
  readonly disk: SimStorage;
  /** What the crash did, for a failure message. */
  readonly description: string;
}

export interface OutcomeOptions {
  /** Also try a zero-filled tail for each torn file. */
  readonly zeroFill?: boolean;
  /** The most outcomes to list in full; past it, the extremes and a sample of this many. 2000 by default. */
  readonly limit?: number;
  /** Only the extremes and a sample of `limit` outcomes, however few there are. */
  readonly sampleOnly?: boolean;
  /** The seed of the sample. */
  readonly seed?: number;
}

/** A random source that answers the crash model's draws from a script, and records the range of each draw. */
class ScriptedDraws {
  readonly ranges: { min: number; max: number }[] = [];
  constructor(
    private readonly script: readonly number[],
    private readonly fallback: (min: number, max: number, at: number) => number,
  ) {}
  int(min: number, max: number): number {
    const at = this.ranges.length;
    this.ranges.push({ min, max });
    return at < this.script.length ? this.script[at]! : this.fallback(min, max, at);
  }
}

/** A crash of a copy of `disk`, with its zero fill, every choice answered by `draws`. */
function crashWith(disk: SimStorage, draws: ScriptedDraws, zeroFill: boolean): CrashOutcome {
  const copy = disk.clone();
  const report = copy.crash(draws as unknown as Rng);
  const filled = zeroFill ? zeroFilled(copy, report, () => draws.int(0, 1) === 1) : [];
  return { disk: copy, description: describeCrash(report, filled) };
}

function describeCrash(report: CrashReport, filled: readonly ZeroFill[]): string {
  const parts = [`power failed; ${report.directory.kept} of ${report.directory.of} directory operations since the last syncDirectory survived`];
  for (const t of report.torn) {
    const zeros = filled.find((f) => f.name === t.name);
    parts.push(`${t.name} kept ${t.kept} of its ${t.of} unsynced bytes${zeros === undefined ? '' : `, then ${zeros.zeros} zero bytes up to its old length`}`);
  }
  for (const name of report.reverted) parts.push(`${name}, rewritten, came back as it was`);
  for (const t of report.tornRewrites) parts.push(`${t.name} kept ${t.kept} of the ${t.of} bytes it was rewritten with`);
  if (report.torn.length === 0 && report.reverted.length === 0 && report.tornRewrites.length === 0) parts.push('every unsynced byte survived');
  for (const n of report.vanished) parts.push(`${n} vanished`);
  for (const n of report.reappeared) parts.push(`${n} came back`);
  return parts.join('; ');
}

/**
 * What a crash at this moment can leave of `disk` (which is not changed):
 * first the process dying with the disk as it is, unsynced bytes still
 * unsynced; then every outcome of the crash model, or, past `limit`, its
 * extremes and a seeded sample.
 */
export function* crashOutcomes(disk: SimStorage, options: OutcomeOptions = {}): Generator<CrashOutcome> {
  const zeroFill = options.zeroFill ?? false;
  const limit = options.limit ?? 2000;
  yield { disk: disk.clone(), description: 'the process died; the disk kept everything, synced or not' };
  if (!options.sampleOnly) {
    const all = everyOutcome(disk, zeroFill, limit);
    if (all !== undefined) {
      yield* all;
      return;
    }
  }
  const low = (min: number) => min;
  // The extremes: everything unsynced lost; every name kept but no unsynced byte; everything kept that a crash can keep.
  yield labelled(crashWith(disk, new ScriptedDraws([], low), zeroFill), 'the worst crash');
  yield labelled(crashWith(disk, new ScriptedDraws([], (min, max, at) => (at === 0 ? max : min)), zeroFill), 'every name kept, no unsynced byte');
  yield labelled(crashWith(disk, new ScriptedDraws([], (_, max) => max), zeroFill), 'as much kept as a crash keeps');
  const rng = new Rng(options.seed ?? 1);
  for (let i = 0; i < limit; i++) yield crashWith(disk, new ScriptedDraws([], (min, max) => rng.int(min, max)), zeroFill);
}

const labelled = (outcome: CrashOutcome, label: string): CrashOutcome => ({ ...outcome, description: `${label}: ${outcome.description}` });

/** Every outcome, in the order of the crash model's draws, or undefined when there are more than `limit`. */
function everyOutcome(disk: SimStorage, zeroFill: boolean, limit: number): CrashOutcome[] | undefined {
  const outcomes: CrashOutcome[] = [];
  let script: number[] = [];
  for (;;) {
    const draws = new ScriptedDraws(script, (min) => min);
    outcomes.push(crashWith(disk, draws, zeroFill));
    if (outcomes.length > limit) return undefined;
    // The next script: the last draw that can still go up does, and every draw after it starts again from its least.
    const taken = draws.ranges.map((range, i) => (i < script.length ? script[i]! : range.min));
    let i = taken.length - 1;
    while (i >= 0 && taken[i] === draws.ranges[i]!.max) i--;
    if (i < 0) return outcomes;
    script = [...taken.slice(0, i), taken[i]! + 1];
  }
}
