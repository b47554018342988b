/**
 * Broken keyed limiter: a fixed-size LRU of 64 buckets.
 *
 * The mistake: the buckets live in an LRU cache of 64 entries; a new key evicts
 * the least recently used bucket, full or not.
 *
 * Why it is wrong: only a bucket that has refilled to full may be forgotten,
 * because only then does a new bucket answer the same. An evicted bucket that
 * was empty comes back full: the client gets a fresh burst of capacity.
 *
 * Real-world failure it models: rate-limit state in a bounded LRU (or a cache
 * with eviction under memory pressure). A client that rotates through more keys
 * than the cache holds — or an attacker who sprays new keys to push a victim's
 * bucket out — gets capacity tokens per key per rotation, and the limit is gone.
 */
import { TokenBucket, type BucketOptions } from './token-bucket';

const MAX_BUCKETS = 64;

export class KeyedLimiter {
  readonly #options: BucketOptions;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(options: BucketOptions) {
    new TokenBucket(options); // validates the options, with the same errors
    this.#options = { capacity: options.capacity, refillPerSecond: options.refillPerSecond, clock: options.clock };
  }

  get size(): number {
    return this.#buckets.size;
  }

  tryTake(key: string, n = 1): boolean {
    const bucket = this.#bucket(key);
    return bucket.tryTake(n);
  }

  timeUntilAvailable(key: string, n = 1): number {
    const bucket = this.#buckets.get(key);
    // A key without a bucket has a full one: only the argument check remains.
    return (bucket ?? new TokenBucket(this.#options)).timeUntilAvailable(n);
  }

  #bucket(key: string): TokenBucket {
    let bucket = this.#buckets.get(key);
    if (bucket) {
      this.#buckets.delete(key); // most recently used: to the back
    } else {
      bucket = new TokenBucket(this.#options);
      if (this.#buckets.size >= MAX_BUCKETS) this.#buckets.delete(this.#buckets.keys().next().value!); // least recently used, full or not
    }
    this.#buckets.set(key, bucket);
    return bucket;
  }
}
