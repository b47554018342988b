/**
 * Retries with a deadline and a budget — the reference (task 2). The budget
 * keeps the times of the requests and retries in its window, in two queues
 * that drop what falls out of it, as Finagle's `RetryBudget` does with its
 * token expiry.
 */
import { backoffMs, checkBackoff, type BackoffOptions } from './backoff';
import type { Clock, Clocks, Outcome, Random } from './types';

export interface RetryBudgetOptions {
  readonly ratio: number;
  readonly minRetriesPerSecond: number;
  readonly windowMs: number;
}

export interface RetryOptions {
  readonly maxAttempts: number;
  readonly deadlineMs: number;
  readonly budget: RetryBudgetOptions;
  readonly backoff: BackoffOptions;
  readonly clocks: Clocks;
  readonly random: Random;
}

export type Decision =
  | { readonly kind: 'done' }
  | { readonly kind: 'retry'; readonly attempt: number; readonly delayMs: number; readonly atMs: number }
  | { readonly kind: 'give-up'; readonly reason: 'fatal' | 'attempts' | 'deadline' | 'budget' };

export interface RetryCall {
  readonly startedAtMs: number;
  next(outcome: Outcome): Decision;
}

const OUTCOMES: readonly string[] = ['ok', 'retryable', 'fatal'];

/** Times in a sliding window (now − windowMs, now]; times arrive in order, as a monotonic clock gives them. */
class Window {
  readonly #times: number[] = [];

  constructor(private readonly windowMs: number) {}

  add(time: number): void {
    this.#times.push(time);
  }

  /** How many times are in the window at `now`, once those that left it are dropped (past the end, [0] is undefined, and `undefined <= x` is false). */
  count(now: number): number {
    while (this.#times[0]! <= now - this.windowMs) this.#times.shift();
    return this.#times.length;
  }
}

export class Retrier {
  readonly #maxAttempts: number;
  readonly #deadlineMs: number;
  readonly #ratio: number;
  readonly #reserve: number;
  readonly #backoff: BackoffOptions;
  readonly #monotonic: Clock;
  readonly #random: Random;
  readonly #requests: Window;
  readonly #retries: Window;

  constructor(options: RetryOptions) {
    const { maxAttempts, deadlineMs, budget, backoff, clocks, random } = options;
    const { ratio, minRetriesPerSecond, windowMs } = budget;
    const { baseMs, capMs, jitter } = backoff;
    if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1)) throw new RangeError(`maxAttempts must be an integer >= 1, got ${maxAttempts}`);
    if (!(Number.isFinite(deadlineMs) && deadlineMs > 0)) throw new RangeError(`deadlineMs must be a finite number > 0, got ${deadlineMs}`);
    if (!(Number.isFinite(ratio) && ratio >= 0)) throw new RangeError(`budget.ratio must be a finite number >= 0, got ${ratio}`);
    if (!(Number.isFinite(minRetriesPerSecond) && minRetriesPerSecond >= 0)) throw new RangeError(`budget.minRetriesPerSecond must be a finite number >= 0, got ${minRetriesPerSecond}`);
    if (!(Number.isFinite(windowMs) && windowMs > 0)) throw new RangeError(`budget.windowMs must be a finite number > 0, got ${windowMs}`);
    this.#backoff = { baseMs, capMs, jitter };
    checkBackoff(this.#backoff);
    this.#maxAttempts = maxAttempts;
    this.#deadlineMs = deadlineMs;
    this.#ratio = ratio;
    this.#reserve = (minRetriesPerSecond * windowMs) / 1000;
    this.#monotonic = clocks.monotonic;
    this.#random = random;
    this.#requests = new Window(windowMs);
    this.#retries = new Window(windowMs);
  }

  begin(): RetryCall {
    const startedAtMs = this.#monotonic.now();
    this.#requests.add(startedAtMs);
    let attempts = 0;
    let previous: number | undefined;
    let over = false;
    const decide = (outcome: Outcome): Decision => {
      if (!OUTCOMES.includes(outcome)) throw new RangeError(`outcome must be ok, retryable or fatal, got ${String(outcome)}`);
      if (over) throw new Error('this call is over: it already had a done or give-up decision');
      attempts++;
      if (outcome === 'ok') return { kind: 'done' };
      if (outcome === 'fatal') return { kind: 'give-up', reason: 'fatal' };
      if (attempts >= this.#maxAttempts) return { kind: 'give-up', reason: 'attempts' };
      const now = this.#monotonic.now();
      const delayMs = backoffMs(attempts, this.#backoff, this.#random, previous);
      const atMs = now + delayMs;
      if (atMs >= startedAtMs + this.#deadlineMs) return { kind: 'give-up', reason: 'deadline' };
      if (!(this.#retries.count(now) + 1 <= this.#ratio * this.#requests.count(now) + this.#reserve)) return { kind: 'give-up', reason: 'budget' };
      this.#retries.add(now);
      previous = delayMs;
      return { kind: 'retry', attempt: attempts + 1, delayMs, atMs };
    };
    return {
      startedAtMs,
      next: (outcome) => {
        const decision = decide(outcome);
        if (decision.kind !== 'retry') over = true;
        return decision;
      },
    };
  }
}
