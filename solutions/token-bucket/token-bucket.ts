/**
 * Token bucket: reference solution (tasks 1, 2 and 4). Same exports and
 * contracts as exercises/token-bucket/token-bucket.ts; read the stub for them.
 *
 * State is two numbers: the tokens at the latest clock reading, and that
 * reading. Refill is computed from elapsed time on demand, never accumulated
 * per call in whole units, so nothing is lost to rounding between calls.
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

/** Reads each field of the options once (a field may be a getter), checks it, and returns what was read. */
export function readOptions(options: BucketOptions): BucketOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('token-bucket: options are required');
  const { capacity, refillPerSecond, clock } = options;
  if (!(Number.isFinite(capacity) && capacity > 0)) {
    throw new RangeError(`token-bucket: capacity must be a finite number > 0, got ${String(capacity)}`);
  }
  if (!(Number.isFinite(refillPerSecond) && refillPerSecond > 0)) {
    throw new RangeError(`token-bucket: refillPerSecond must be a finite number > 0, got ${String(refillPerSecond)}`);
  }
  if (typeof clock?.now !== 'function') throw new TypeError('token-bucket: clock must have a now() method');
  return { capacity, refillPerSecond, clock };
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
    const { capacity, refillPerSecond, clock } = readOptions(options);
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.#clock = clock;
    this.#tokens = capacity;
    const now = this.#clock.now();
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
    const now = this.#clock.now();
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
