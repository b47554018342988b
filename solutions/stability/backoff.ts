/**
 * Backoff with jitter — the reference (task 1). The formulas are Marc
 * Brooker's ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015),
 * computed so that no intermediate value overflows: the base is doubled in
 * steps of at most 2^1000, each exact, until it passes the cap (2^(attempt − 1)
 * alone is Infinity past attempt 1 025, though a subnormal base times it is
 * not); the decorrelated spread is scaled by `u` before it is multiplied out,
 * so 3 × `Number.MAX_VALUE` never appears.
 */
import type { Random } from './types';

export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
  readonly jitter: Jitter;
}

const JITTERS: readonly string[] = ['none', 'full', 'equal', 'decorrelated'];

/** Checks options as task 1 says, for the retrier's constructor too. */
export function checkBackoff(options: BackoffOptions): void {
  const { baseMs, capMs, jitter } = options;
  if (!(Number.isFinite(baseMs) && baseMs > 0)) throw new RangeError(`baseMs must be a finite number > 0, got ${baseMs}`);
  if (!(Number.isFinite(capMs) && capMs >= baseMs)) throw new RangeError(`capMs must be a finite number >= baseMs (${baseMs}), got ${capMs}`);
  if (!JITTERS.includes(jitter)) throw new RangeError(`jitter must be one of ${JITTERS.join(', ')}, got ${String(jitter)}`);
}

/** min(cap, base × 2^doublings), exactly: each step multiplies by a power of two no double overflows by. */
function envelope(base: number, cap: number, doublings: number): number {
  let value = base;
  let left = doublings;
  while (left > 0 && value < cap) {
    const step = Math.min(left, 1000);
    value *= 2 ** step;
    left -= step;
  }
  return Math.min(cap, value);
}

export function backoffMs(attempt: number, options: BackoffOptions, random: Random, previousMs?: number): number {
  if (!(Number.isInteger(attempt) && attempt >= 1)) throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
  checkBackoff(options);
  const { baseMs, capMs, jitter } = options;
  if (jitter === 'decorrelated' && previousMs !== undefined && !(previousMs >= baseMs && previousMs <= capMs)) {
    throw new RangeError(`previousMs must be in [baseMs, capMs] = [${baseMs}, ${capMs}], got ${previousMs}`);
  }
  const ceiling = envelope(baseMs, capMs, attempt - 1);
  switch (jitter) {
    case 'none':
      return ceiling;
    case 'full':
      return random.next() * ceiling;
    case 'equal': {
      const half = ceiling / 2;
      return half + random.next() * half;
    }
    case 'decorrelated': {
      const previous = previousMs ?? baseMs;
      const u = random.next();
      // baseMs + u × (3 × previous − baseMs), with u applied first: u × 3 < 3, and past the cap the sum is Infinity, never NaN.
      return Math.min(capMs, baseMs + 3 * u * previous - u * baseMs);
    }
  }
}
