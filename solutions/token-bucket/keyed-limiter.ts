/**
 * Keyed limiter: reference solution (task 3). Same exports and contracts as
 * exercises/token-bucket/keyed-limiter.ts; read the stub for them.
 *
 * Buckets live in a Map. A cursor — a Map iterator kept across operations,
 * which JavaScript keeps valid through inserts and deletes — sweeps them round
 * and round, two per operation: a bucket that has refilled to full is
 * forgotten (a full bucket answers exactly as a new one would, so forgetting
 * it is invisible). Two per operation outpaces the one key an operation can
 * add, so memory stays within a constant of the buckets that are not full.
 * O(1) per operation: restarting the scan from the front instead would walk
 * over the holes deletions leave at the front of a V8 Map, every time.
 */
import { TokenBucket, readOptions, type BucketOptions } from './token-bucket';

const CHECKS_PER_OPERATION = 2;

export class KeyedLimiter {
  readonly #options: BucketOptions;
  readonly #buckets = new Map<string, TokenBucket>();
  #cursor: Iterator<[string, TokenBucket]> = this.#buckets.entries();

  constructor(options: BucketOptions) {
    // A copy, each field read once and checked with the bucket's errors: the caller may change or reuse its options object afterwards.
    this.#options = readOptions(options);
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
    for (let i = 0; i < CHECKS_PER_OPERATION; i++) {
      let next = this.#cursor.next();
      if (next.done) {
        if (this.#buckets.size === 0) return;
        this.#cursor = this.#buckets.entries();
        next = this.#cursor.next();
      }
      const [key, bucket] = next.value as [string, TokenBucket];
      if (bucket.available() >= bucket.capacity) this.#buckets.delete(key);
    }
  }
}
