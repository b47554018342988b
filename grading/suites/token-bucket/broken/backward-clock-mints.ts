/**
 * Broken token bucket: a backward clock step moves `latest` back.
 *
 * The mistake: on a reading earlier than `latest`, #refill sets `latest = now`
 * (adding nothing), instead of leaving `latest` where it was.
 *
 * Why it is wrong: time must be counted once. When the clock steps back from
 * 10 000 to 5 000 and then returns to 10 000, the stretch from 5 000 to 10 000
 * has already been paid for, yet this bucket pays for it again. Every backward
 * step mints the size of the step in tokens.
 *
 * Real-world failure it models: an NTP step (or a VM migrated onto a host whose
 * clock is behind) resets the reference point; when the clock comes back, every
 * client's bucket is refilled for time that never passed, and a limiter that was
 * holding back a flood lets it through at once.
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
    if (now < this.#latest) {
      this.#latest = now; // follow the clock back
      return;
    }
    if (now === this.#latest) return;
    const earned = ((now - this.#latest) * this.refillPerSecond) / 1000;
    this.#tokens = Math.min(this.capacity, this.#tokens + earned);
    this.#latest = now;
  }
}
