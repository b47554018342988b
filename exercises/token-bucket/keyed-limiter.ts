/**
 * Keyed limiter — your file (task 3). One token bucket per key (per client,
 * per API token), all with the same options, created on first use.
 *
 * Memory must stay bounded however many distinct keys arrive: a bucket that
 * has refilled to full answers exactly as a new one would, so it may be
 * forgotten — and forgetting it must be invisible to callers. Each operation
 * is O(1) amortised: no sweep over every bucket on every call. README.md,
 * task 3.
 */
import { NotImplementedError } from '@faultline/harness';
import type { BucketOptions } from './token-bucket';

export class KeyedLimiter {
  /** @throws RangeError naming `capacity` or `refillPerSecond`, as TokenBucket does. */
  constructor(options: BucketOptions) {
    throw new NotImplementedError(`new KeyedLimiter(capacity ${options.capacity})`);
  }

  /** How many buckets are held in memory now. */
  get size(): number {
    throw new NotImplementedError('KeyedLimiter.size');
  }

  /** TokenBucket.tryTake on `key`'s bucket. Keys are any strings, '__proto__' and '' included. */
  tryTake(key: string, n = 1): boolean {
    throw new NotImplementedError(`KeyedLimiter.tryTake(${JSON.stringify(key)}, ${n})`);
  }

  /** TokenBucket.timeUntilAvailable on `key`'s bucket (0 for a key with no bucket). */
  timeUntilAvailable(key: string, n = 1): number {
    throw new NotImplementedError(`KeyedLimiter.timeUntilAvailable(${JSON.stringify(key)}, ${n})`);
  }
}
