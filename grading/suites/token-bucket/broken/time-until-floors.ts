/**
 * Broken token bucket: timeUntilAvailable rounds the wait down.
 *
 * The mistake: the wait is Math.floor(missing × 1000 / rate) instead of the
 * smallest whole millisecond count after which the tokens are there (Math.ceil).
 *
 * Why it is wrong: whenever the exact wait is not a whole number of
 * milliseconds, the answer is a millisecond too early: a client that sleeps
 * exactly as long as it was told and retries is refused. With 0 tokens and 3 per
 * second the wait is 333⅓ ms; this says 333, when the bucket holds only 0.999.
 *
 * Real-world failure it models: a Retry-After value that is too small. Well
 * behaved clients that honour it are refused on their first retry and fall into
 * their exponential backoff, or burn a retry budget, for no reason.
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
    const missing = n - this.#tokens;
    if (missing <= EPSILON) return 0;
    return Math.floor((missing * 1000) / this.refillPerSecond);
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
