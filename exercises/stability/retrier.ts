/**
 * Retries with a deadline and a budget — your file (task 2). Replace each
 * `throw new NotImplementedError(...)`; keep the exports and signatures.
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
import { NotImplementedError } from '@faultline/harness';
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
   * @throws [SP-2.9] RangeError, changing nothing, when `outcome` is not
   *   one of the three (checked first); Error, changing nothing, once the
   *   call has had a `done` or `give-up` decision.
   */
  next(outcome: Outcome): Decision;
}

export class Retrier {
  /**
   * Task 2.
   * @throws [SP-2.1] RangeError naming the option when one is out of the
   *   range its doc comment gives, the backoff's by task 1's rules.
   */
  constructor(options: RetryOptions) {
    throw new NotImplementedError('new Retrier(options)');
  }

  /** Task 2. [SP-2.2] A call begins now: it counts as one request in the budget's window (README, SP-2.7). */
  begin(): RetryCall {
    throw new NotImplementedError('Retrier.begin');
  }
}
