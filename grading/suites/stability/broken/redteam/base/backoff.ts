/**
 * Backoff with jitter — your file (task 1).
 *
 * How long a client waits before it tries a failed call again. The wait
 * grows exponentially with each attempt, so a struggling dependency gets
 * room to recover, up to a cap; jitter spreads the clients' retries out in
 * time, so they do not all come back at once (Marc Brooker, "Exponential
 * Backoff And Jitter", AWS Architecture Blog, 2015). README.md, task 1, has
 * the rules, with worked examples.
 */
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

const JITTERS: readonly string[] = ['none', 'full', 'equal', 'decorrelated'];

/** Checks a backoff's options (task 1's rules) and returns a copy of them, each read once. */
function checkBackoffOptions(options: BackoffOptions, prefix = ''): BackoffOptions {
  if (options === null || typeof options !== 'object') throw new RangeError(`${prefix}options must be an object`);
  const baseMs = options.baseMs;
  const capMs = options.capMs;
  const jitter = options.jitter;
  if (typeof baseMs !== 'number' || !Number.isFinite(baseMs) || !(baseMs > 0)) {
    throw new RangeError(`${prefix}baseMs must be a finite number > 0, got ${String(baseMs)}`);
  }
  if (typeof capMs !== 'number' || !Number.isFinite(capMs) || !(capMs >= baseMs)) {
    throw new RangeError(`${prefix}capMs must be a finite number >= baseMs, got ${String(capMs)}`);
  }
  if (typeof jitter !== 'string' || !JITTERS.includes(jitter)) {
    throw new RangeError(`${prefix}jitter must be 'none', 'full', 'equal' or 'decorrelated', got ${String(jitter)}`);
  }
  return { baseMs, capMs, jitter };
}

/** min(capMs, baseMs × 2^(attempt − 1)) as real numbers: 2^k overflows to Infinity, never wraps. */
function ceilingOf(attempt: number, baseMs: number, capMs: number): number {
  // 2^(attempt - 1) alone overflows past attempt 1 024, though baseMs times it may not: grow in exact steps.
  let grown = baseMs;
  for (let left = attempt - 1; left > 0 && grown < capMs; left -= 1000) grown *= Math.pow(2, Math.min(left, 1000));
  return grown >= capMs ? capMs : grown;
}

/**
 * Task 1. The delay, in ms, before retry number `attempt` (1 for the first
 * retry, after the first failure). With `ceiling = min(capMs, baseMs × 2^(attempt − 1))`,
 * computed as real numbers are (no overflow, whatever `attempt`), and `u`
 * one number read from `random.next()`:
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
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be an integer >= 1, got ${String(attempt)}`);
  }
  const { baseMs, capMs, jitter } = checkBackoffOptions(options);
  if (jitter === 'decorrelated' && previousMs !== undefined) {
    if (typeof previousMs !== 'number' || Number.isNaN(previousMs) || previousMs < baseMs || previousMs > capMs) {
      throw new RangeError(`previousMs must be a number in [baseMs, capMs], got ${String(previousMs)}`);
    }
  }
  switch (jitter) {
    case 'none':
      return ceilingOf(attempt, baseMs, capMs);
    case 'full': {
      const u = random.next();
      return u * ceilingOf(attempt, baseMs, capMs);
    }
    case 'equal': {
      const u = random.next();
      const half = ceilingOf(attempt, baseMs, capMs) / 2;
      return half + u * half;
    }
    default: {
      const u = random.next();
      const previous = previousMs === undefined ? baseMs : previousMs;
      const span = 3 * previous - baseMs;
      if (Number.isFinite(span)) {
        const value = baseMs + u * span;
        return value >= capMs ? capMs : value;
      }
      // 3 × previous overflows: work in quarters, which cannot.
      const quarter = baseMs / 4 + u * (0.75 * previous - baseMs / 4);
      if (quarter >= capMs / 4) return capMs;
      const value = quarter * 4;
      return value >= capMs ? capMs : value <= baseMs ? baseMs : value;
    }
  }
}
