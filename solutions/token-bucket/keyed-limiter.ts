/**
 * Keyed limiter: reference solution (task 3). Same exports and contracts as
 * exercises/token-bucket/keyed-limiter.ts; read the stub for them.
 *
 * Buckets live in a Map used as a queue. Every operation looks at the two
 * buckets at its front: one that has refilled to full is forgotten (a full
 * bucket answers exactly as a new one would, so forgetting it is invisible);
 * one that has not moves to the back. The scan so sweeps every bucket in turn,
 * two per operation, faster than one operation can add a key: memory stays
 * within a constant of the buckets that are not full. O(1) per operation.
 */
import { TokenBucket, type BucketOptions } from './token-bucket';

const CHECKS_PER_OPERATION = 2;

export class KeyedLimiter {
  readonly #options: BucketOptions;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(options: BucketOptions) {
    new TokenBucket(options); // validates the options, with the same errors
    this.#options = options;
  }

  get size(): number {
    return this.#buckets.size;
  }

  tryTake(key: string, n = 1): boolean {
    const bucket = this.#bucket(key);
    return bucket.tryTake(n);
  }

  timeUntilAvailable(key: string, n = 1): number {
    this.#evictFull();
    const bucket = this.#buckets.get(key);
    // A key without a bucket has a full one: only the argument check remains.
    return (bucket ?? new TokenBucket(this.#options)).timeUntilAvailable(n);
  }

  #bucket(key: string): TokenBucket {
    this.#evictFull();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.#options);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  #evictFull(): void {
    for (let i = 0; i < CHECKS_PER_OPERATION && this.#buckets.size > 0; i++) {
      const [key, bucket] = this.#buckets.entries().next().value!;
      this.#buckets.delete(key);
      if (bucket.available() < bucket.capacity) this.#buckets.set(key, bucket); // not full: to the back
    }
  }
}
