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

/**
 * Where a bucket reads time: milliseconds from any origin. It may step
 * backwards, jump, or start at any value. [TB-0.2] Call `now()` on this
 * object, as a method: a clock may keep its reading in its own fields.
 * [TB-0.8] It moves on between any two readings, even within one call:
 * count the time between every two readings exactly once.
 */
export interface Clock {
  now(): number;
}

export interface BucketOptions {
  /** The most tokens the bucket holds (the burst). [TB-1.2] Any finite number > 0, from Number.MIN_VALUE to Number.MAX_VALUE. */
  readonly capacity: number;
  /** Tokens gained per second, continuously: any finite number > 0 (fractions allowed). */
  readonly refillPerSecond: number;
  /** [TB-0.1] The only source of time: read it, never Date.now(). */
  readonly clock: Clock;
}

export class TokenBucket {
  /** [TB-1.4] The options' numbers at creation (each field read once), at every read, whatever the caller does with its options object later. */
  readonly capacity: number;
  readonly refillPerSecond: number;

  /**
   * Task 1. [TB-1.1] A full bucket (it holds `capacity` tokens at creation).
   * [TB-4.5] It reads the clock once, now: that is its first reading.
   * @throws [TB-1.3] RangeError naming `capacity` or `refillPerSecond` when not a finite number > 0.
   */
  constructor(options: BucketOptions) {
    this.capacity = options.capacity;
    this.refillPerSecond = options.refillPerSecond;
    throw new NotImplementedError('new TokenBucket(options)');
  }

  /** Task 1. [TB-1.6] The tokens the bucket holds now: a number in [0, capacity] exactly, fractions included. Takes nothing. */
  available(): number {
    throw new NotImplementedError('TokenBucket.available');
  }

  /**
   * Task 1. [TB-1.7] Takes `n` tokens if the bucket holds at least `n` now,
   * and says whether it did; exactly `n` left allows a request for `n`.
   * [TB-1.8] A refused request takes nothing. Exactly zero tokens left
   * refuses a request for 1.
   * @throws [TB-1.10] RangeError naming `n` unless 0 < n <= capacity (a request larger
   *   than the bucket could never be allowed, so it is an error, not a "no");
   *   [TB-1.9] n = capacity and fractions are valid.
   */
  tryTake(n = 1): boolean {
    throw new NotImplementedError(`TokenBucket.tryTake(${n})`);
  }

  /**
   * Task 2. [TB-2.1] How many whole milliseconds until `tryTake(n)` would
   * succeed, if nothing else takes meanwhile: the smallest w such that after
   * the clock advances w ms it succeeds. [TB-2.2] 0 exactly when it would
   * succeed now, otherwise at least 1. [TB-2.5] Infinity when that is beyond
   * Number.MAX_VALUE ms. [TB-2.6] While the clock reads earlier than its
   * latest reading, the wait may count from the latest reading or include the
   * time back to it. [TB-2.3] Does not take anything.
   * @throws [TB-2.4] RangeError naming `n`, as tryTake does.
   */
  timeUntilAvailable(n = 1): number {
    throw new NotImplementedError(`TokenBucket.timeUntilAvailable(${n})`);
  }
}
