/**
 * Backoff with jitter — your file (task 1). Replace each
 * `throw new NotImplementedError(...)`; keep the exports and signatures.
 *
 * How long a client waits before it tries a failed call again. The wait
 * grows exponentially with each attempt, so a struggling dependency gets
 * room to recover, up to a cap; jitter spreads the clients' retries out in
 * time, so they do not all come back at once (Marc Brooker, "Exponential
 * Backoff And Jitter", AWS Architecture Blog, 2015). README.md, task 1, has
 * the rules, with worked examples.
 */
import { NotImplementedError } from '@faultline/harness';
import type { Random } from './types';

/** How a delay is spread: not at all, over the whole envelope, over its upper half, or from the previous delay. */
export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

export interface BackoffOptions {
  /** The first retry's envelope, in ms: a finite number > 0. */
  readonly baseMs: number;
  /** No delay is longer: a finite number ≥ `baseMs`. */
  readonly capMs: number;
  readonly jitter: Jitter;
}

/**
 * Task 1. The delay, in ms, before retry number `attempt` (1 for the first
 * retry, after the first failure). With `ceiling = min(capMs, baseMs × 2^(attempt − 1))`,
 * computed as real numbers are, whatever `attempt` (no shift that wraps, no
 * intermediate Infinity: README, task 1, has an example), and `u` one number
 * read from `random.next()`:
 *
 * - [SP-1.1] `'none'`: exactly `ceiling`; it reads nothing from `random`.
 * - [SP-1.2] `'full'`: `u × ceiling`.
 * - [SP-1.3] `'equal'`: `ceiling / 2 + u × ceiling / 2`.
 * - [SP-1.4] `'decorrelated'`: `min(capMs, baseMs + u × (3 × previous − baseMs))`,
 *   where `previous` is `previousMs`, or `baseMs` when it is not given.
 *   `previousMs` is ignored by the other kinds.
 * - [SP-1.5] Every kind but `'none'` reads `random.next()` exactly once.
 *   The result is always a finite number ≥ 0, never `NaN`, for every
 *   `attempt` from 1 to `Number.MAX_SAFE_INTEGER` and every option in range.
 * - [SP-1.6] Within 1e-9 of the exact value, relatively (or 1e-300 ms, for
 *   subnormal delays): how you order the arithmetic is yours.
 *
 * @throws [SP-1.7] RangeError naming the argument, reading nothing from
 *   `random`, when `attempt` is not an integer ≥ 1, `baseMs` is not finite
 *   and > 0, `capMs` is not finite and ≥ `baseMs`, `jitter` is not one of
 *   the four, or (for `'decorrelated'` only) `previousMs` is given but is not
 *   a number in [baseMs, capMs].
 */
export function backoffMs(attempt: number, options: BackoffOptions, random: Random, previousMs?: number): number {
  throw new NotImplementedError(`backoffMs(${attempt}, …)`);
}
