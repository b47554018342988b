/**
 * Token bucket — your file (tasks 1, 2 and 4). Replace each
 * `throw new NotImplementedError(...)`; keep the exports and signatures.
 *
 * A bucket holds up to `capacity` tokens and gains `refillPerSecond` tokens
 * per second, continuously, up to `capacity`. A request takes tokens; it is
 * allowed when enough are there. Stripe, GitHub and Envoy limit their APIs
 * this way: `capacity` is the burst a client may spend at once, the refill
 * rate its sustained rate. README.md has the exact rules, the precision
 * promise and hints.
 */

/**
 * Where a bucket reads time: milliseconds from any origin. It may step
 * backwards, jump, or start at any value. [TB-0.2] Call `now()` on this
 * object, as a method: a clock may keep its reading in its own fields.
 * [TB-0.8] It moves on between any two readings, even within one call:
 * count the time between every two readings exactly once.
 */
export interface Clock {
  now(): number;
}

export interface BucketOptions {
  /** The most tokens the bucket holds (the burst). [TB-1.2] Any finite number > 0, from Number.MIN_VALUE to Number.MAX_VALUE. */
  readonly capacity: number;
  /** Tokens gained per second, continuously: any finite number > 0 (fractions allowed). */
  readonly refillPerSecond: number;
  /** [TB-0.1] The only source of time: read it, never Date.now(). */
  readonly clock: Clock;
}

/** Shows a number in an error message, keeping the sign of -0. */
function show(x: unknown): string {
  if (Object.is(x, -0)) return '-0';
  try {
    return String(x);
  } catch {
    return typeof x;
  }
}

/** [TB-1.2] [TB-1.3] A finite number > 0, or a RangeError naming the option. */
function checkOption(name: 'capacity' | 'refillPerSecond', value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${show(value)}`);
  }
  return value;
}

/**
 * Half of the smallest decision band of TB-0.3 (10⁻⁹ tokens), plus a term
 * relative to the numbers compared, far below the band's 10⁻¹² × capacity, for
 * the rounding of doubles as large as a big capacity.
 */
const ABS_TOLERANCE = 5e-10;
const REL_TOLERANCE = 1e-15;

export class TokenBucket {
  /** [TB-1.4] The options' numbers at creation, at every read, whatever the caller does with its options object later. */
  readonly capacity: number;
  readonly refillPerSecond: number;

  /** Private copies of the numbers, which the methods use. */
  readonly #capacity: number;
  readonly #rate: number;
  /** The clock object as given at creation; read as `this.#clock.now()`. */
  readonly #clock: Clock;
  /** Tokens held at the latest reading, always in [0, capacity]. */
  #tokens: number;
  /** The latest finite reading counted; undefined until there is one (TB-4.6). */
  #latest: number | undefined;

  /**
   * Task 1. [TB-1.1] A full bucket (it holds `capacity` tokens at creation).
   * [TB-4.5] It reads the clock once, now: that is its first reading.
   * @throws [TB-1.3] RangeError naming `capacity` or `refillPerSecond` when not a finite number > 0.
   */
  constructor(options: BucketOptions) {
    checkOption('capacity', options.capacity);
    const capacity = options.capacity;
    const refillPerSecond = checkOption('refillPerSecond', options.refillPerSecond);
    const clock = options.clock;
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.#capacity = capacity;
    this.#rate = refillPerSecond;
    this.#clock = clock;
    this.#tokens = capacity;
    const first = clock.now();
    this.#latest = typeof first === 'number' && Number.isFinite(first) ? first : undefined;
  }

  /** Task 1. [TB-1.6] The tokens the bucket holds now: a number in [0, capacity] exactly, fractions included. Takes nothing. */
  available(): number {
    this.#refill();
    return Math.min(this.#capacity, Math.max(0, this.#tokens));
  }

  /**
   * Task 1. [TB-1.7] Takes `n` tokens if the bucket holds at least `n` now,
   * and says whether it did; exactly `n` left allows a request for `n`.
   * [TB-1.8] A refused request takes nothing. Exactly zero tokens left
   * refuses a request for 1.
   * @throws [TB-1.10] RangeError naming `n` unless 0 < n <= capacity (a request larger
   *   than the bucket could never be allowed, so it is an error, not a "no");
   *   [TB-1.9] n = capacity and fractions are valid.
   */
  tryTake(n = 1): boolean {
    this.#checkRequest(n);
    this.#refill();
    if (n - this.#tokens > this.#tolerance(n)) return false;
    this.#tokens = Math.min(this.#capacity, Math.max(0, this.#tokens - n));
    return true;
  }

  /**
   * Task 2. [TB-2.1] How many whole milliseconds until `tryTake(n)` would
   * succeed, if nothing else takes meanwhile: the smallest w such that after
   * the clock advances w ms it succeeds. [TB-2.2] 0 exactly when it would
   * succeed now, otherwise at least 1. [TB-2.5] Infinity when that is beyond
   * Number.MAX_VALUE ms. [TB-2.6] While the clock reads earlier than its
   * latest reading, the wait may count from the latest reading or include the
   * time back to it. [TB-2.3] Does not take anything.
   * @throws [TB-2.4] RangeError naming `n`, as tryTake does.
   */
  timeUntilAvailable(n = 1): number {
    this.#checkRequest(n);
    this.#refill();
    const tolerance = this.#tolerance(n);
    const missing = n - this.#tokens;
    if (missing <= tolerance) return 0;
    // The first whole millisecond at which the refill, computed exactly as
    // #refill will compute it, leaves at most `tolerance` missing: then
    // tryTake(n) succeeds after the wait and not a millisecond sooner. Divide
    // before multiplying so a huge shortfall does not overflow on the way; a
    // wait beyond Number.MAX_VALUE ms comes out as Infinity.
    const first = Math.max(1, Math.ceil(((missing - tolerance) / this.#rate) * 1000));
    if (!Number.isFinite(first)) return first;
    for (const wait of [first - 1, first, first + 1]) {
      if (wait >= 1 && this.#enoughAfter(n, wait, tolerance)) return wait;
    }
    // Rounding kept all three short: aim at half the tolerance, which leaves room
    // for any rounding of the refill.
    return Math.max(first + 1, Math.ceil(((missing - tolerance / 2) / this.#rate) * 1000));
  }

  /** Whether `wait` ms of refill, computed as #refill does, would allow a request for `n`. */
  #enoughAfter(n: number, wait: number, tolerance: number): boolean {
    const tokens = Math.min(this.#capacity, this.#tokens + this.#earned(wait));
    return !(n - tokens > tolerance);
  }

  /** Tokens earned in `elapsed` ms (> 0): a number > 0 or +Infinity, never NaN. */
  #earned(elapsed: number): number {
    const earned = (elapsed * this.#rate) / 1000;
    return Number.isFinite(earned) ? earned : (elapsed / 1000) * this.#rate;
  }

  /** The slack of a decision about `n`: well inside the band of TB-0.3. */
  #tolerance(n: number): number {
    return ABS_TOLERANCE + REL_TOLERANCE * Math.max(n, this.#tokens);
  }

  /** [TB-1.9] [TB-1.10] 0 < n <= capacity, finite, or a RangeError naming n. */
  #checkRequest(n: unknown): void {
    if (typeof n !== 'number' || !Number.isFinite(n) || !(n > 0) || !(n <= this.#capacity)) {
      throw new RangeError(
        `n must be a finite number of tokens with 0 < n <= ${this.#capacity} (the bucket's capacity), got ${show(n)}`,
      );
    }
  }

  /**
   * Reads the clock once and counts the time since the latest reading, once
   * (TB-0.8, TB-1.5). A reading that is not finite, or not later than the
   * latest, adds and changes nothing (TB-4.1, TB-4.4); the first finite
   * reading of a bucket made at a non-finite one adds nothing (TB-4.6).
   */
  #refill(): void {
    const now = this.#clock.now();
    if (typeof now !== 'number' || !Number.isFinite(now)) return;
    const latest = this.#latest;
    if (latest === undefined) {
      this.#latest = now;
      return;
    }
    if (!(now > latest)) return;
    const elapsed = now - latest; // > 0; Infinity only for readings ±Number.MAX_VALUE apart
    const earned = this.#earned(elapsed);
    // earned > 0 or +Infinity (never NaN); the cap brings Infinity back to capacity.
    this.#tokens = Math.min(this.#capacity, this.#tokens + earned);
    this.#latest = now;
  }
}
