/**
 * Broken keyed limiter: the caller's options object is kept, not copied.
 *
 * The mistake: the constructor validates the options and keeps the object
 * itself; every bucket made later reads it then (the reference's own code
 * until this mistake was found). A caller that reuses or changes its options
 * object gives later keys another capacity, rate or clock — or a RangeError
 * from tryTake, if it set a capacity of 0.
 *
 * Clause broken: TB-3.4 (the limiter takes its options when it is made).
 */
import { TokenBucket, type BucketOptions } from './token-bucket';

const CHECKS_PER_OPERATION = 2;

export class KeyedLimiter {
  readonly #options: BucketOptions;
  readonly #buckets = new Map<string, TokenBucket>();
  #cursor: Iterator<[string, TokenBucket]> = this.#buckets.entries();

  constructor(options: BucketOptions) {
    new TokenBucket(options); // validates the options, with the same errors
    // A copy: the caller may change or reuse its options object afterwards.
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
