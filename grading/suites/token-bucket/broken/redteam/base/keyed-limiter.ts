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
import { TokenBucket } from './token-bucket';
import type { BucketOptions, Clock } from './token-bucket';

/** Buckets examined (and deleted if full) per operation: more than the one key an operation can add. */
const SWEEP_STEPS = 2;

export class KeyedLimiter {
  readonly #options: BucketOptions;
  readonly #buckets = new Map<string, TokenBucket>();
  #cursor: Iterator<[string, TokenBucket]> | undefined;

  /** @throws RangeError naming `capacity` or `refillPerSecond`, as TokenBucket does. */
  constructor(options: BucketOptions) {
    // Mended in the repo after TB-3.4 said so: each field read once (the red team's base read them twice).
    const { capacity, refillPerSecond, clock: source } = options;
    // Validate exactly as TokenBucket does (a probe bucket on a dummy clock).
    new TokenBucket({ capacity, refillPerSecond, clock: { now: () => 0 } });
    // All buckets read one limiter-wide clock that never steps back, so a bucket
    // created after another was forgotten starts exactly where that one was.
    let high = NaN;
    const clock: Clock = {
      now() {
        const t = source.now();
        if (Number.isFinite(t) && !(t <= high)) high = t;
        return high;
      },
    };
    this.#options = { capacity, refillPerSecond, clock };
  }

  /** How many buckets are held in memory now. */
  get size(): number {
    return this.#buckets.size;
  }

  /** TokenBucket.tryTake on `key`'s bucket. Keys are any strings, '__proto__' and '' included. */
  tryTake(key: string, n = 1): boolean {
    let bucket = this.#buckets.get(key);
    let ok: boolean;
    if (bucket === undefined) {
      bucket = new TokenBucket(this.#options);
      ok = bucket.tryTake(n); // throws for a bad n before anything is stored
      this.#buckets.set(key, bucket);
    } else {
      ok = bucket.tryTake(n);
    }
    this.#sweep();
    return ok;
  }

  /** TokenBucket.timeUntilAvailable on `key`'s bucket (0 for a key with no bucket). */
  timeUntilAvailable(key: string, n = 1): number {
    const bucket = this.#buckets.get(key);
    // A key with no bucket has a full one: ask a fresh bucket (validates n), keep nothing.
    const wait = (bucket ?? new TokenBucket(this.#options)).timeUntilAvailable(n);
    this.#sweep();
    return wait;
  }

  /** Examines the next few buckets in turn, across operations, and forgets those that are full. */
  #sweep(): void {
    for (let i = 0; i < SWEEP_STEPS; i++) {
      if (this.#buckets.size === 0) {
        this.#cursor = undefined;
        return;
      }
      this.#cursor ??= this.#buckets.entries();
      const next = this.#cursor.next();
      if (next.done) {
        this.#cursor = undefined;
        continue;
      }
      const [key, bucket] = next.value;
      if (bucket.available() >= this.#options.capacity) this.#buckets.delete(key);
    }
  }
}
