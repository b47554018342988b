/**
 * Retries with a deadline and a budget — your file (task 2).
 *
 * A `Retrier` decides, for every call a client makes, whether and when to try
 * again after a failure. It never sleeps: it answers with the time of the
 * next attempt, and the caller schedules it. Three limits keep retries from
 * turning one outage into a bigger one: a number of attempts per call, a
 * deadline per call, and a budget shared by every call, so that retries stay
 * a fraction of requests however many layers retry (Finagle's
 * `RetryBudget`, Envoy's retry budgets, the AWS SDKs' retry quota).
 * README.md, task 2, has the rules.
 */
import { backoffMs } from './backoff';
import type { BackoffOptions } from './backoff';
import type { Clocks, Outcome, Random } from './types';

export interface RetryBudgetOptions {
  /** Retries allowed per request begun in the window: a finite number ≥ 0 (0.1 is 10 %). */
  readonly ratio: number;
  /** Retries allowed per second of the window whatever the traffic, so that a quiet client can still retry: a finite number ≥ 0. */
  readonly minRetriesPerSecond: number;
  /** The window, in ms of the monotonic clock: a finite number > 0. */
  readonly windowMs: number;
}

export interface RetryOptions {
  /** Attempts per call, the first included: an integer ≥ 1 (1 never retries). */
  readonly maxAttempts: number;
  /** Each call's time limit, in ms from its `begin()`: a finite number > 0. */
  readonly deadlineMs: number;
  readonly budget: RetryBudgetOptions;
  /** How long to wait before each retry (task 1). */
  readonly backoff: BackoffOptions;
  readonly clocks: Clocks;
  /** Where the backoff's jitter comes from. */
  readonly random: Random;
}

/** What the caller does next: nothing more (the call worked), try again at `atMs`, or give up and tell its own caller why. */
export type Decision =
  | { readonly kind: 'done' }
  | { readonly kind: 'retry'; readonly attempt: number; readonly delayMs: number; readonly atMs: number }
  | { readonly kind: 'give-up'; readonly reason: 'fatal' | 'attempts' | 'deadline' | 'budget' };

/** One call: its attempts, reported one by one. */
export interface RetryCall {
  /** [SP-2.2] The monotonic clock's reading when the call began. */
  readonly startedAtMs: number;
  /**
   * Task 2. The caller reports how its latest attempt ended and learns what
   * to do next (README, task 2, SP-2.3 to SP-2.8).
   * @throws [SP-2.9] Error, changing nothing, once the call has had a
   *   `done` or `give-up` decision; RangeError, changing nothing, when
   *   `outcome` is not one of the three.
   */
  next(outcome: Outcome): Decision;
}

/** Times in increasing order, dropped from the front once they leave the window. */
class TimeWindow {
  #times: number[] = [];
  #head = 0;

  add(t: number): void {
    this.#times.push(t);
  }

  /** How many times are in `(now − windowMs, now]`. */
  count(now: number, windowMs: number): number {
    const from = now - windowMs;
    while (this.#head < this.#times.length && !(this.#times[this.#head]! > from)) this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#times.length) {
      this.#times = this.#times.slice(this.#head);
      this.#head = 0;
    }
    return this.#times.length - this.#head;
  }
}

function finiteAtLeast(value: unknown, min: number, strict: boolean, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (strict ? !(value > min) : !(value >= min))) {
    throw new RangeError(`${name} must be a finite number ${strict ? '>' : '>='} ${min}, got ${String(value)}`);
  }
  return value;
}

const JITTERS: readonly string[] = ['none', 'full', 'equal', 'decorrelated'];

/** Checks the backoff's options by task 1's rules; returns a copy, each option read once. */
function checkBackoff(options: BackoffOptions): BackoffOptions {
  if (options === null || typeof options !== 'object') throw new RangeError('backoff must be an object');
  const baseMs = options.baseMs;
  const capMs = options.capMs;
  const jitter = options.jitter;
  if (typeof baseMs !== 'number' || !Number.isFinite(baseMs) || !(baseMs > 0)) {
    throw new RangeError(`backoff.baseMs must be a finite number > 0, got ${String(baseMs)}`);
  }
  if (typeof capMs !== 'number' || !Number.isFinite(capMs) || !(capMs >= baseMs)) {
    throw new RangeError(`backoff.capMs must be a finite number >= baseMs, got ${String(capMs)}`);
  }
  if (typeof jitter !== 'string' || !JITTERS.includes(jitter)) {
    throw new RangeError(`backoff.jitter must be 'none', 'full', 'equal' or 'decorrelated', got ${String(jitter)}`);
  }
  return { baseMs, capMs, jitter };
}

export class Retrier {
  readonly #maxAttempts: number;
  readonly #deadlineMs: number;
  readonly #ratio: number;
  readonly #minRetriesPerSecond: number;
  readonly #windowMs: number;
  readonly #backoff: BackoffOptions;
  readonly #clocks: Clocks;
  readonly #random: Random;
  readonly #requests = new TimeWindow();
  readonly #retries = new TimeWindow();

  /**
   * Task 2.
   * @throws [SP-2.1] RangeError naming the option when one is out of the
   *   range its doc comment gives, the backoff's by task 1's rules.
   */
  constructor(options: RetryOptions) {
    const maxAttempts = options.maxAttempts;
    if (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new RangeError(`maxAttempts must be an integer >= 1, got ${String(maxAttempts)}`);
    }
    const deadlineMs = finiteAtLeast(options.deadlineMs, 0, true, 'deadlineMs');
    const budget = options.budget;
    if (budget === null || typeof budget !== 'object') throw new RangeError('budget must be an object');
    const ratio = finiteAtLeast(budget.ratio, 0, false, 'budget.ratio');
    const minRetriesPerSecond = finiteAtLeast(budget.minRetriesPerSecond, 0, false, 'budget.minRetriesPerSecond');
    const windowMs = finiteAtLeast(budget.windowMs, 0, true, 'budget.windowMs');
    const backoff = checkBackoff(options.backoff);
    const clocks = options.clocks;
    if (clocks == null || clocks.monotonic == null) {
      throw new RangeError('clocks must have a monotonic clock');
    }
    const random = options.random;
    if (random == null) throw new RangeError('random must be a random source');
    this.#maxAttempts = maxAttempts;
    this.#deadlineMs = deadlineMs;
    this.#ratio = ratio;
    this.#minRetriesPerSecond = minRetriesPerSecond;
    this.#windowMs = windowMs;
    this.#backoff = backoff;
    this.#clocks = clocks;
    this.#random = random;
  }

  /** Task 2. [SP-2.2] A call begins now: it counts as one request in the budget's window (README, SP-2.7). */
  begin(): RetryCall {
    const startedAtMs = this.#clocks.monotonic.now();
    this.#requests.add(startedAtMs);
    let reports = 0;
    let previous: number | undefined;
    let finished = false;
    const finish = (decision: Decision): Decision => {
      finished = true;
      return decision;
    };
    const next = (outcome: Outcome): Decision => {
      if (outcome !== 'ok' && outcome !== 'retryable' && outcome !== 'fatal') {
        throw new RangeError(`outcome must be 'ok', 'retryable' or 'fatal', got ${String(outcome)}`);
      }
      if (finished) throw new Error('this call has already had its last decision');
      reports += 1;
      const n = reports;
      if (outcome === 'ok') return finish({ kind: 'done' });
      if (outcome === 'fatal') return finish({ kind: 'give-up', reason: 'fatal' });
      if (n >= this.#maxAttempts) return finish({ kind: 'give-up', reason: 'attempts' });
      const delayMs = backoffMs(n, this.#backoff, this.#random, previous);
      const now = this.#clocks.monotonic.now();
      const atMs = now + delayMs;
      if (atMs >= startedAtMs + this.#deadlineMs) return finish({ kind: 'give-up', reason: 'deadline' });
      const requests = this.#requests.count(now, this.#windowMs);
      const retries = this.#retries.count(now, this.#windowMs);
      if (!(retries + 1 <= this.#ratio * requests + (this.#minRetriesPerSecond * this.#windowMs) / 1000)) {
        return finish({ kind: 'give-up', reason: 'budget' });
      }
      this.#retries.add(now);
      previous = delayMs;
      return { kind: 'retry', attempt: n + 1, delayMs, atMs };
    };
    return { startedAtMs, next };
  }
}
