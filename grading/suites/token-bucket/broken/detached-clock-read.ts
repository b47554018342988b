/**
 * Broken token bucket: the clock's now() is called detached from the clock.
 *
 * The mistake: the constructor keeps `options.clock.now` in a field and calls
 * it as `this.#now()`, so inside now() `this` is the bucket, not the clock. A
 * clock that reads its own fields (`return this.t`) then reads undefined, and
 * the bucket sees NaN: no time ever passes after the first take.
 *
 * Clause broken: TB-0.2 (call now() on the clock object, as a method).
 */
export interface Clock {
  now(): number;
}

export interface BucketOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly clock: Clock;
}

/** Decisions within this many tokens of a boundary may go either way (README, "Precision"). */
const EPSILON = 1e-9;

function checkOptions(options: BucketOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('token-bucket: options are required');
  if (!(Number.isFinite(options.capacity) && options.capacity > 0)) {
    throw new RangeError(`token-bucket: capacity must be a finite number > 0, got ${String(options.capacity)}`);
  }
  if (!(Number.isFinite(options.refillPerSecond) && options.refillPerSecond > 0)) {
    throw new RangeError(`token-bucket: refillPerSecond must be a finite number > 0, got ${String(options.refillPerSecond)}`);
  }
  if (typeof options.clock?.now !== 'function') throw new TypeError('token-bucket: clock must have a now() method');
}

function checkTake(n: number, capacity: number): void {
  if (!(Number.isFinite(n) && n > 0 && n <= capacity)) {
    throw new RangeError(`token-bucket: n must be a finite number in (0, capacity = ${capacity}], got ${String(n)}`);
  }
}

export class TokenBucket {
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly #now: () => number;
  #tokens: number;
  #latest: number;

  constructor(options: BucketOptions) {
    checkOptions(options);
    this.capacity = options.capacity;
    this.refillPerSecond = options.refillPerSecond;
    this.#now = options.clock.now;
    this.#tokens = options.capacity;
    const now = this.#now();
    this.#latest = Number.isFinite(now) ? now : Number.NEGATIVE_INFINITY;
  }

  available(): number {
    this.#refill();
    return this.#tokens;
  }

  tryTake(n = 1): boolean {
    checkTake(n, this.capacity);
    this.#refill();
    if (n - this.#tokens > EPSILON) return false;
    this.#tokens = Math.max(0, this.#tokens - n);
    return true;
  }

  timeUntilAvailable(n = 1): number {
    checkTake(n, this.capacity);
    this.#refill();
    // The same test as tryTake's, so a wait of 0 means exactly that tryTake(n) would succeed now.
    const missing = n - this.#tokens;
    if (missing <= EPSILON) return 0;
    // Wait until at most EPSILON / 2 is missing: then tryTake(n) succeeds, rounding included. Divide
    // before multiplying, so a capacity near Number.MAX_VALUE does not overflow; a wait beyond
    // Number.MAX_VALUE ms is Infinity. At least 1: tryTake(n) would not succeed now.
    return Math.max(1, Math.ceil(((missing - EPSILON / 2) / this.refillPerSecond) * 1000));
  }

  /** Adds the tokens earned since the latest reading; time already counted is never counted again. */
  #refill(): void {
    const now = this.#now();
    if (!Number.isFinite(now)) return;
    if (this.#latest === Number.NEGATIVE_INFINITY) {
      this.#latest = now;
      return;
    }
    if (now <= this.#latest) return;
    const earned = ((now - this.#latest) * this.refillPerSecond) / 1000;
    this.#tokens = Math.min(this.capacity, this.#tokens + earned);
    this.#latest = now;
  }
}
