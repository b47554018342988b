/**
 * Broken keyed limiter: keys are stored by their UTF-8 bytes.
 *
 * The mistake: the Map is keyed by `Buffer.from(key).toString('hex')` (as a
 * limiter that keeps its keys in Redis or a byte-keyed store does). UTF-8
 * encodes every lone surrogate as U+FFFD, so '\ud800', '\udc00' and '\ufffd'
 * share one bucket.
 *
 * Clause broken: TB-3.5 (strings that differ in any UTF-16 code unit are
 * different keys).
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
    this.#options = { capacity: options.capacity, refillPerSecond: options.refillPerSecond, clock: options.clock };
  }

  get size(): number {
    return this.#buckets.size;
  }

  tryTake(key: string, n = 1): boolean {
    key = Buffer.from(key).toString('hex');
    const bucket = this.#bucket(key);
    return bucket.tryTake(n);
  }

  timeUntilAvailable(key: string, n = 1): number {
    key = Buffer.from(key).toString('hex');
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
