/**
 * The oracle: a token bucket in exact rational arithmetic (BigInt fractions).
 * Every double is a dyadic rational, so clock readings, rates and capacities
 * convert exactly; no rounding anywhere. Decisions within the README's band
 * β = 10⁻⁹ + 10⁻¹² × capacity tokens of a boundary are reported as 'either'
 * (README, "Precision", TB-0.3): a learner's float implementation may go
 * either way there, and the model follows its choice.
 */
export const EPSILON = 1e-9;

/** The README's band around a decision boundary, in tokens (TB-0.3): 10⁻⁹ + 10⁻¹² × capacity. */
export const bandOf = (capacity: number): number => EPSILON + 1e-12 * capacity;

/** How far available() may be from the exact tokens (TB-0.4): 10⁻⁶, or 10⁻¹² × capacity when that is more. */
export const availableToleranceOf = (capacity: number): number => Math.max(1e-6, 1e-12 * capacity);

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export class Q {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d = 1n) {
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d) || 1n;
    this.n = n / g;
    this.d = d / g;
  }

  /** The exact value of a finite double. */
  static of(x: number): Q {
    if (!Number.isFinite(x)) throw new RangeError(`model: ${x} is not finite`);
    let scale = 1n;
    while (!Number.isInteger(x)) {
      x *= 2;
      scale *= 2n;
    }
    return new Q(BigInt(x), scale);
  }

  add(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  cmp(o: Q): number {
    const x = this.n * o.d - o.n * this.d;
    return x < 0n ? -1 : x > 0n ? 1 : 0;
  }
  min(o: Q): Q {
    return this.cmp(o) <= 0 ? this : o;
  }
  abs(): Q {
    return this.n < 0n ? new Q(-this.n, this.d) : this;
  }
  /** The nearest double, near enough for messages and tolerances (numerator and denominator may pass 2¹⁰²⁴). */
  toNumber(): number {
    let { n, d } = this;
    const bits = (x: bigint) => (x < 0n ? -x : x).toString(2).length;
    const excess = Math.max(bits(n), bits(d)) - 1000;
    if (excess > 0) {
      n >>= BigInt(excess);
      d >>= BigInt(excess);
    }
    return d === 0n ? (n > 0n ? Infinity : -Infinity) : Number(n) / Number(d);
  }
  /** The smallest integer >= this. */
  ceil(): bigint {
    const q = this.n / this.d;
    return this.n % this.d === 0n || this.n < 0n ? q : q + 1n;
  }
}

const THOUSAND = new Q(1000n);
const ZERO = new Q(0n);
const ONE = new Q(1n);

export type Decision = 'yes' | 'no' | 'either';

export class ModelBucket {
  readonly capacity: Q;
  readonly rate: Q;
  tokens: Q;
  latest: Q | undefined;
  /**
   * The half-width of the band where either answer is right (TB-0.3): 10⁻⁹,
   * plus 10⁻¹² of the capacity for the rounding of doubles as large as the
   * capacity (a few units in the last place, over many operations).
   */
  readonly #band: Q;
  readonly #availableTolerance: Q;

  constructor(capacity: number, refillPerSecond: number, now: number) {
    this.#band = Q.of(bandOf(capacity));
    this.#availableTolerance = Q.of(availableToleranceOf(capacity));
    this.capacity = Q.of(capacity);
    this.rate = Q.of(refillPerSecond);
    this.tokens = this.capacity;
    this.latest = Number.isFinite(now) ? Q.of(now) : undefined;
  }

  /** Time counts once: a reading at or before the latest adds nothing; a non-finite one is ignored. */
  refill(now: number): void {
    if (!Number.isFinite(now)) return;
    const t = Q.of(now);
    if (this.latest === undefined) {
      this.latest = t;
      return;
    }
    if (t.cmp(this.latest) <= 0) return;
    this.tokens = this.tokens.add(t.sub(this.latest).mul(this.rate).div(THOUSAND)).min(this.capacity);
    this.latest = t;
  }

  decide(n: number): Decision {
    const diff = this.tokens.sub(Q.of(n));
    if (diff.cmp(this.#band) > 0) return 'yes';
    if (diff.add(this.#band).cmp(ZERO) < 0) return 'no';
    return 'either';
  }

  take(n: number): void {
    const left = this.tokens.sub(Q.of(n));
    this.tokens = left.cmp(ZERO) < 0 ? ZERO : left;
  }

  /** Whether available() may answer `got` now (TB-0.4, TB-1.6): in [0, capacity] exactly, and near the exact tokens. */
  acceptsAvailable(got: number): boolean {
    if (!Number.isFinite(got) || got < 0 || Q.of(got).cmp(this.capacity) > 0) return false;
    return Q.of(got).sub(this.tokens).abs().cmp(this.#availableTolerance) <= 0;
  }

  /** Tokens `ms` milliseconds from the latest reading, if nothing is taken. */
  tokensAfter(ms: number | Q): Q {
    return this.tokens.add((typeof ms === 'number' ? Q.of(ms) : ms).mul(this.rate).div(THOUSAND)).min(this.capacity);
  }

  /**
   * Whether `w` is an acceptable answer to timeUntilAvailable(n) now (TB-2.1,
   * TB-2.5): a whole number of milliseconds after which the bucket holds n
   * (within the band), one sooner it does not; Infinity only when even
   * Number.MAX_VALUE ms would not do.
   */
  acceptsWait(n: number, w: number): boolean {
    const allowedOrBoundary = (ms: Q) => this.tokensAfter(ms).cmp(Q.of(n).sub(this.#band)) >= 0;
    const clearlyAllowed = (ms: Q) => this.tokensAfter(ms).cmp(Q.of(n).add(this.#band)) > 0;
    if (w === Infinity) return !clearlyAllowed(Q.of(Number.MAX_VALUE));
    if (!Number.isInteger(w) || w < 0) return false;
    return allowedOrBoundary(Q.of(w)) && (w === 0 || !clearlyAllowed(Q.of(w).sub(ONE)));
  }

  /**
   * Whether `w` is an acceptable answer to timeUntilAvailable(n) with the
   * clock reading `now` (TB-2.1, TB-2.6). At or past the latest reading, as
   * acceptsWait. After a backward step (`now` earlier than the latest reading)
   * either reading of TB-2.1 is accepted: the wait counted from the latest
   * reading (acceptsWait), or the smallest w after which the clock, moving on
   * from `now`, has passed the latest reading far enough to refill the rest.
   */
  acceptsWaitAt(n: number, w: number, now: number): boolean {
    if (this.acceptsWait(n, w)) return true;
    if (!Number.isFinite(now) || this.latest === undefined) return false;
    const gap = this.latest.sub(Q.of(now));
    if (gap.cmp(ZERO) <= 0) return false;
    // The clock reads now + w: nothing is gained until it passes the latest reading.
    const after = (ms: Q) => this.tokensAfter(ms.sub(gap).cmp(ZERO) < 0 ? ZERO : ms.sub(gap));
    const allowedOrBoundary = (ms: Q) => after(ms).cmp(Q.of(n).sub(this.#band)) >= 0;
    const clearlyAllowed = (ms: Q) => after(ms).cmp(Q.of(n).add(this.#band)) > 0;
    if (w === Infinity) return !clearlyAllowed(Q.of(Number.MAX_VALUE));
    if (!Number.isInteger(w) || w < 0) return false;
    return allowedOrBoundary(Q.of(w)) && (w === 0 || !clearlyAllowed(Q.of(w).sub(ONE)));
  }
}
