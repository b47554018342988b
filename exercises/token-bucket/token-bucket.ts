/**
 * Token bucket — your file (tasks 1, 2 and 4). Replace each
 * `throw new NotImplementedError(...)`; keep the exports and signatures.
 *
 * A bucket holds up to `capacity` tokens and gains `refillPerSecond` tokens
 * per second, continuously, up to `capacity`. A request takes tokens; it is
 * allowed when enough are there. Stripe, GitHub and Envoy limit their APIs
 * this way: `capacity` is the burst a client may spend at once, the refill
 * rate its sustained rate. README.md has the exact rules, the precision
 * promise and hints.
 */
import { NotImplementedError } from '@faultline/harness';

/** Where a bucket reads time: milliseconds from any origin. It may step backwards, jump, or start at any value. */
export interface Clock {
  now(): number;
}

export interface BucketOptions {
  /** The most tokens the bucket holds (the burst): a finite number > 0. */
  readonly capacity: number;
  /** Tokens gained per second, continuously: a finite number > 0 (fractions allowed). */
  readonly refillPerSecond: number;
  /** The only source of time: read it, never Date.now(). */
  readonly clock: Clock;
}

export class TokenBucket {
  readonly capacity: number;
  readonly refillPerSecond: number;

  /**
   * Task 1. A full bucket (it holds `capacity` tokens at creation).
   * @throws RangeError naming `capacity` or `refillPerSecond` when not a finite number > 0.
   */
  constructor(options: BucketOptions) {
    this.capacity = options.capacity;
    this.refillPerSecond = options.refillPerSecond;
    throw new NotImplementedError('new TokenBucket(options)');
  }

  /** Task 1. The tokens the bucket holds now: a number in [0, capacity], fractions included. */
  available(): number {
    throw new NotImplementedError('TokenBucket.available');
  }

  /**
   * Task 1. Takes `n` tokens if the bucket holds at least `n` now, and says
   * whether it did. A refused request takes nothing. Exactly zero tokens
   * left refuses a request for 1; exactly `n` left allows a request for `n`.
   * @throws RangeError naming `n` unless 0 < n <= capacity (a request larger
   *   than the bucket could never be allowed, so it is an error, not a "no").
   */
  tryTake(n = 1): boolean {
    throw new NotImplementedError(`TokenBucket.tryTake(${n})`);
  }

  /**
   * Task 2. How many whole milliseconds until `tryTake(n)` would succeed,
   * if nothing else takes meanwhile: 0 if it would succeed now; otherwise
   * the smallest w such that after the clock advances w ms it succeeds.
   * Does not take anything.
   * @throws RangeError naming `n`, as tryTake does.
   */
  timeUntilAvailable(n = 1): number {
    throw new NotImplementedError(`TokenBucket.timeUntilAvailable(${n})`);
  }
}
