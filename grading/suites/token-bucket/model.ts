/**
 * The oracle: a token bucket in exact rational arithmetic (BigInt fractions).
 * Every double is a dyadic rational, so clock readings, rates and capacities
 * convert exactly; no rounding anywhere. Decisions within EPSILON tokens of a
 * boundary (and a hair more, for float rounding) are reported as 'either'
 * (README, "Precision"): a learner's float implementation may go either way
 * there, and the model follows its choice.
 */
export const EPSILON = 1e-9;

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
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
  /** The smallest integer >= this. */
  ceil(): bigint {
    const q = this.n / this.d;
    return this.n % this.d === 0n || this.n < 0n ? q : q + 1n;
  }
}

const THOUSAND = new Q(1000n);
const ZERO = new Q(0n);

export type Decision = 'yes' | 'no' | 'either';

export class ModelBucket {
  readonly capacity: Q;
  readonly rate: Q;
  tokens: Q;
  latest: Q | undefined;
  /**
   * The half-width of the band where either answer is right: EPSILON, plus
   * room for the rounding of a float comparison like `tokens + 1e-9 < n`
   * (a few units in the last place of numbers up to the capacity).
   */
  readonly #band: Q;

  constructor(capacity: number, refillPerSecond: number, now: number) {
    this.#band = Q.of(EPSILON + 1e-12 * Math.max(1, capacity));
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

  /** Tokens `ms` milliseconds from the latest reading, if nothing is taken. */
  tokensAfter(ms: number): Q {
    return this.tokens.add(Q.of(ms).mul(this.rate).div(THOUSAND)).min(this.capacity);
  }

  /** Whether `w` is an acceptable answer to timeUntilAvailable(n) now. */
  acceptsWait(n: number, w: number): boolean {
    if (!Number.isSafeInteger(w) || w < 0) return false;
    const allowedOrBoundary = (ms: number) => this.tokensAfter(ms).cmp(Q.of(n).sub(this.#band)) >= 0;
    const clearlyAllowed = (ms: number) => this.tokensAfter(ms).cmp(Q.of(n).add(this.#band)) > 0;
    return allowedOrBoundary(w) && (w === 0 || !clearlyAllowed(w - 1));
  }
}
