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
import { TokenBucket, type BucketOptions, type Clock } from './token-bucket';

/** Buckets looked at for forgetting on every operation: more than the one key an operation can add. */
const VISITS_PER_OPERATION = 2;

export class KeyedLimiter {
  /** The caller's clock, kept from the options at creation; read once per operation. */
  readonly #clock: Clock;
  /** The reading of the current operation, which every bucket of this limiter sees. */
  #reading = Number.NaN;
  /** What the buckets read: the current operation's single reading of the real clock. */
  readonly #shared: Clock;
  readonly #capacity: number;
  readonly #refillPerSecond: number;
  /** A bucket that is always full: answers for keys that have none, and checks `n`. */
  readonly #full: TokenBucket;
  /** One bucket per key; a Map, so any string is an ordinary key. */
  readonly #buckets = new Map<string, TokenBucket>();
  /** Where the forgetting sweep stands, kept across operations. */
  #cursor: Iterator<[string, TokenBucket]> | undefined;

  /**
   * [TB-3.4] Takes what it needs from `options` now: changing the object later changes nothing.
   * @throws [TB-3.3] RangeError naming `capacity` or `refillPerSecond`, as TokenBucket does.
   */
  constructor(options: BucketOptions) {
    const capacity = options.capacity;
    const refillPerSecond = options.refillPerSecond;
    const clock = options.clock;
    const self = this;
    this.#shared = {
      now(): number {
        return self.#reading;
      },
    };
    // Validates exactly as TokenBucket does (same RangeErrors), without reading the caller's clock.
    this.#full = new TokenBucket({ capacity, refillPerSecond, clock: this.#shared });
    this.#capacity = capacity;
    this.#refillPerSecond = refillPerSecond;
    this.#clock = clock;
  }

  /** [TB-3.7] How many buckets are held in memory now. Reading it changes nothing. */
  get size(): number {
    return this.#buckets.size;
  }

  /** [TB-3.1] TokenBucket.tryTake on `key`'s bucket. [TB-3.5] Keys are any strings, '__proto__', '' and lone surrogates included. */
  tryTake(key: string, n = 1): boolean {
    this.#full.timeUntilAvailable(n); // a bad n throws here, before anything changes
    this.#read();
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket({
        capacity: this.#capacity,
        refillPerSecond: this.#refillPerSecond,
        clock: this.#shared,
      });
      this.#buckets.set(key, bucket);
    }
    const taken = bucket.tryTake(n);
    this.#sweep();
    return taken;
  }

  /** TokenBucket.timeUntilAvailable on `key`'s bucket; [TB-3.2] 0 for a key with no bucket. */
  timeUntilAvailable(key: string, n = 1): number {
    this.#full.timeUntilAvailable(n); // a bad n throws here, before anything changes
    this.#read();
    const bucket = this.#buckets.get(key);
    const wait = bucket === undefined ? 0 : bucket.timeUntilAvailable(n);
    this.#sweep();
    return wait;
  }

  /** [TB-0.8] One reading of the caller's clock per operation, shared by every bucket it touches. */
  #read(): void {
    this.#reading = this.#clock.now();
  }

  /**
   * [TB-3.6] [TB-3.8] [TB-3.9] Looks at the next few buckets in turn and
   * forgets those that have refilled to full, which answer exactly as a new
   * bucket would. The cursor is a Map iterator kept across operations (it
   * stays valid while entries are added and deleted), so each operation does
   * O(1) work and every bucket is looked at again after O(size) operations.
   */
  #sweep(): void {
    for (let visit = 0; visit < VISITS_PER_OPERATION; visit++) {
      let step = this.#cursor?.next();
      if (step === undefined || step.done) {
        this.#cursor = this.#buckets.entries();
        step = this.#cursor.next();
        if (step.done) return; // no buckets at all
      }
      const [key, bucket] = step.value;
      if (bucket.available() >= this.#capacity * (1 - 1e-9)) this.#buckets.delete(key);
    }
  }
}
