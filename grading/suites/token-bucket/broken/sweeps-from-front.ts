/**
 * Broken keyed limiter: every operation looks at the first two buckets.
 *
 * The mistake: the eviction work starts a fresh iteration of the Map on every
 * operation and checks its first two buckets, instead of keeping a cursor
 * that moves on through the buckets from one operation to the next.
 *
 * Why it is wrong: it forgets only full buckets, and while the oldest keys
 * keep refilling it does shrink; but once the oldest keys are busy clients
 * whose buckets never refill to full, it checks them over and over and never
 * reaches a bucket behind them. Memory then grows with every distinct key.
 *
 * Real-world failure it models: a per-client limiter whose first clients are
 * its heaviest, long-lived users (the service's own workers, a big customer
 * that connects at start-up). They sit at the front of the Map forever, and
 * the limiter keeps every one-off client that came after them.
 */
import { TokenBucket, type BucketOptions } from './token-bucket';

const CHECKS_PER_OPERATION = 2;

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
    let checked = 0;
    for (const [key, bucket] of this.#buckets) {
      if (checked++ === CHECKS_PER_OPERATION) break;
      if (bucket.available() >= bucket.capacity) this.#buckets.delete(key);
    }
  }
}
