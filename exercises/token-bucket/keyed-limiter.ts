/**
 * Keyed limiter — your file (task 3). One token bucket per key (per client,
 * per API token), all with the same options, created on first use.
 *
 * Memory must stay bounded however many distinct keys arrive: [TB-3.6] a
 * bucket that has refilled to full answers exactly as a new one would, so it
 * may be forgotten — and no other may: forgetting it must be invisible to
 * callers. [TB-3.9] Refilled buckets are forgotten as operations go on.
 * [TB-3.8] Each operation is O(1) amortised: no sweep over every bucket on
 * every call. README.md, task 3.
 */
import { NotImplementedError } from '@faultline/harness';
import type { BucketOptions } from './token-bucket';

export class KeyedLimiter {
  /**
   * [TB-3.4] Takes what it needs from `options` now, reading each field once: changing the object later changes nothing.
   * @throws [TB-3.3] RangeError naming `capacity` or `refillPerSecond`, as TokenBucket does.
   */
  constructor(options: BucketOptions) {
    throw new NotImplementedError(`new KeyedLimiter(capacity ${options.capacity})`);
  }

  /** [TB-3.7] How many buckets are held in memory now. Reading it changes nothing. */
  get size(): number {
    throw new NotImplementedError('KeyedLimiter.size');
  }

  /** [TB-3.1] TokenBucket.tryTake on `key`'s bucket. [TB-3.5] Keys are any strings, '__proto__', '' and lone surrogates included. */
  tryTake(key: string, n = 1): boolean {
    throw new NotImplementedError(`KeyedLimiter.tryTake(${JSON.stringify(key)}, ${n})`);
  }

  /** TokenBucket.timeUntilAvailable on `key`'s bucket; [TB-3.2] 0 for a key with no bucket. */
  timeUntilAvailable(key: string, n = 1): number {
    throw new NotImplementedError(`KeyedLimiter.timeUntilAvailable(${JSON.stringify(key)}, ${n})`);
  }
}
