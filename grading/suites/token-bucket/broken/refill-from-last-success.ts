/**
 * Broken token bucket: the refill is measured from the last successful take.
 *
 * The mistake: #refill adds the tokens earned since `latest` but does not move
 * `latest`; only a successful tryTake does (`latest = now` after taking). So
 * available(), a refused tryTake and timeUntilAvailable each add the same
 * elapsed time again, every time they are called.
 *
 * Why it is wrong: time must be counted once. Between two successful takes, a
 * client that polls available() or keeps being refused is credited the whole
 * interval on every call: it mints tokens out of nothing, and the bucket refills
 * faster the more it is asked.
 *
 * Real-world failure it models: the common "lastRefill = now only on allow"
 * limiter. A client that retries in a tight loop while throttled is let through
 * far sooner than the rate allows — the harder it hammers, the sooner it wins.
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
    const now = this.#refill();
    if (n - this.#tokens > EPSILON) return false;
    this.#tokens = Math.max(0, this.#tokens - n);
    if (now > this.#latest) this.#latest = now; // the only place the reading is stored
    return true;
  }

  timeUntilAvailable(n = 1): number {
    checkTake(n, this.capacity);
    this.#refill();
    const missing = n - this.#tokens;
    if (missing <= EPSILON) return 0;
    return Math.max(1, Math.ceil(((missing - EPSILON / 2) / this.refillPerSecond) * 1000));
  }

  /** Adds the tokens earned since the latest successful take, and returns the reading. */
  #refill(): number {
    const now = this.#clock.now();
    if (!Number.isFinite(now)) return Number.NEGATIVE_INFINITY;
    if (this.#latest === Number.NEGATIVE_INFINITY) {
      this.#latest = now;
      return now;
    }
    if (now <= this.#latest) return now;
    const earned = ((now - this.#latest) * this.refillPerSecond) / 1000;
    this.#tokens = Math.min(this.capacity, this.#tokens + earned);
    return now;
  }
}
