/**
 * Broken token bucket: every clock reading is trusted.
 *
 * The mistake: `latest` is the clock's first reading whatever it is, and
 * #refill computes with every reading, never asking whether it is a finite
 * number.
 *
 * Why it is wrong: a reading that is not a number must count as no time
 * passing. Here one NaN makes `earned` and `latest` NaN and the tokens
 * `Math.min(capacity, NaN)`, NaN, for good: `tokens + 1e-9 < n` is false for
 * NaN, so from then on every request is allowed, and `available()` is NaN.
 * One +Infinity reading fills the bucket and leaves `latest` at Infinity, so it
 * never refills again; a first reading of -Infinity makes the first finite one
 * refill an emptied bucket in full.
 *
 * Real-world failure it models: a clock adapter that returns NaN or Infinity
 * on a bad sample (a failed parse of a time header, a division by a zero
 * frequency, an uninitialised reading in a test double): one bad reading
 * silently turns a client's limit off for good, or hands it a burst and then
 * locks it out.
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
  readonly #clock: Clock;
  #tokens: number;
  #latest: number;

  constructor(options: BucketOptions) {
    checkOptions(options);
    this.capacity = options.capacity;
    this.refillPerSecond = options.refillPerSecond;
    this.#clock = options.clock;
    this.#tokens = options.capacity;
    this.#latest = this.#clock.now();
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
    const missing = n - this.#tokens;
    if (missing <= EPSILON) return 0;
    return Math.max(1, Math.ceil(((missing - EPSILON / 2) / this.refillPerSecond) * 1000));
  }

  /** Adds the tokens earned since the latest reading; time already counted is never counted again. */
  #refill(): void {
    const now = this.#clock.now();
    if (now <= this.#latest) return;
    const earned = ((now - this.#latest) * this.refillPerSecond) / 1000;
    this.#tokens = Math.min(this.capacity, this.#tokens + earned);
    this.#latest = now;
  }
}
