/**
 * Broken token bucket: a refused request still takes its tokens.
 *
 * The mistake: tryTake subtracts n (clamped at 0) before deciding, so a refused
 * request empties the bucket as far as it goes.
 *
 * Why it is wrong: a refused request must take nothing. Here every refusal pushes
 * the client's next success further away, so a client that retries while
 * throttled is locked out for as long as it keeps retrying, however slowly the
 * rate would have let it through.
 *
 * Real-world failure it models: "decrement first, then check" on a shared
 * counter (Redis DECRBY, then compare). A client with a retry loop never
 * recovers; one large request that is refused wipes out the tokens a small
 * request would have been allowed to use.
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
    const allowed = this.#tokens + EPSILON >= n;
    this.#tokens = Math.max(0, this.#tokens - n); // taken whether or not it is allowed
    return allowed;
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
