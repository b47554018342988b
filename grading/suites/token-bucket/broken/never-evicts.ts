/**
 * Broken keyed limiter: buckets are never forgotten.
 *
 * The mistake: every key's bucket stays in the Map forever.
 *
 * Why it is wrong: it answers correctly, but memory grows with every distinct
 * key ever seen. A limiter keyed by client IP or API token meets an unbounded
 * number of keys; buckets that refilled to full answer exactly as new ones
 * would, and must be dropped as operations go on.
 *
 * Real-world failure it models: a per-IP limiter in front of a public endpoint.
 * A scan or a botnet sending one request from each of millions of addresses
 * grows the map until the process runs out of memory — the rate limiter itself
 * becomes the denial of service.
 */
import { TokenBucket, type BucketOptions } from './token-bucket';

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
    if (!bucket) {
      bucket = new TokenBucket(this.#options);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }
}
