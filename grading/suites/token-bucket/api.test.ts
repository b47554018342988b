/**
 * The whole public API of TokenBucket against the exact model: the
 * constructor at both ends of every range, the `capacity` and
 * `refillPerSecond` fields read again and again, `available`, `tryTake` and
 * `timeUntilAvailable` with every kind of valid `n` (the default, fractions,
 * Number.MIN_VALUE, exactly the capacity, Number.MAX_SAFE_INTEGER) and every
 * kind of bad one, a clock whose `now()` is a method that reads its own
 * fields, and a caller that changes its options object after construction.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ModelBucket } from './model';
import { TestClock, bucketSuite, expectRangeError, forwardArb, nextUp, shiftyOptions } from './support';

const suite = bucketSuite();

/** A clock that keeps its reading in a field and reads it through `this`, as a class-based clock does. */
class MethodClock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
}

/** Capacities and rates across the whole valid range, ends included; start is the clock at creation. */
const extremeConfigArb = fc.record({
  capacity: fc.oneof(
    { weight: 3, arbitrary: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.5, max: 1000, noNaN: true })) },
    { weight: 2, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-9, 0.3, 1, 2.5, 1e9, Number.MAX_SAFE_INTEGER, 1e300, Number.MAX_VALUE) },
  ),
  refillPerSecond: fc.oneof(
    { weight: 3, arbitrary: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1 / 3, 0.1, 2 / 7)) },
    { weight: 2, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-9, 1e5, 1e12, Number.MAX_VALUE) },
  ),
  start: fc.constantFrom(0, -5_000, 1_700_000_000_000, 2 ** 40),
  /** Whether the caller changes every field of its options object right after construction. */
  changeOptions: fc.boolean(),
});
type ExtremeConfig = typeof extremeConfigArb extends fc.Arbitrary<infer C> ? C : never;

/** A valid request size, resolved against the capacity: (0, capacity]. */
type Size = { readonly share: number } | { readonly decimal: number } | { readonly edge: 'capacity' | 'min' | 'maxSafe' | 'lastAvailable' };
const sizeArb: fc.Arbitrary<Size> = fc.oneof(
  fc.record({ share: fc.oneof(fc.constant(1), fc.double({ min: 0.001, max: 1, noNaN: true })) }),
  // Decimal fractions that no double holds: 1 − 0.1 − 0.2 − 0.3 − 0.4 is −5.6e−17 in doubles.
  fc.record({ decimal: fc.constantFrom(0.1, 0.2, 0.3, 0.4, 0.7) }),
  fc.record({ edge: fc.constantFrom('capacity' as const, 'min' as const, 'maxSafe' as const, 'lastAvailable' as const) }),
);

/** The bad request sizes: just above the capacity, far above, 0, −0, negative, NaN, ±Infinity. */
const BAD = ['just above the capacity', 'twice the capacity', '0', '-0', 'minus the capacity', '-Number.MIN_VALUE', 'NaN', 'Infinity', '-Infinity'] as const;
type Bad = (typeof BAD)[number];
const badValue = (bad: Bad, capacity: number): number =>
  ({
    'just above the capacity': nextUp(capacity),
    'twice the capacity': capacity * 2,
    '0': 0,
    '-0': -0,
    'minus the capacity': -capacity,
    '-Number.MIN_VALUE': -Number.MIN_VALUE,
    NaN: Number.NaN,
    Infinity: Number.POSITIVE_INFINITY,
    '-Infinity': Number.NEGATIVE_INFINITY,
  })[bad];

/** Requests whose sizes add up to 1 in exact arithmetic and not in doubles: 1 − 0.1 − 0.2 − 0.3 − 0.4 is −5.6e−17. */
const DECIMAL_RUNS: readonly (readonly number[])[] = [
  [0.1, 0.2, 0.3, 0.4],
  [0.4, 0.3, 0.2, 0.1],
  [0.7, 0.2, 0.1],
  [0.6, 0.1, 0.3],
];

type ApiStep =
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'take'; readonly size: Size | 'default' }
  | { readonly kind: 'wait'; readonly size: Size | 'default' }
  | { readonly kind: 'available' }
  | { readonly kind: 'decimalRun'; readonly run: readonly number[] }
  | { readonly kind: 'fields' }
  | { readonly kind: 'bad'; readonly method: 'tryTake' | 'timeUntilAvailable'; readonly bad: Bad };

const apiStepArb: fc.Arbitrary<ApiStep> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(forwardArb, fc.integer({ min: 10_001, max: 1e9 })).map((ms): ApiStep => ({ kind: 'advance', ms })) },
  { weight: 4, arbitrary: fc.oneof({ weight: 5, arbitrary: sizeArb }, fc.constant('default' as const)).map((size): ApiStep => ({ kind: 'take', size })) },
  { weight: 2, arbitrary: fc.oneof({ weight: 5, arbitrary: sizeArb }, fc.constant('default' as const)).map((size): ApiStep => ({ kind: 'wait', size })) },
  { weight: 2, arbitrary: fc.constant<ApiStep>({ kind: 'available' }) },
  { weight: 1, arbitrary: fc.constantFrom(...DECIMAL_RUNS).map((run): ApiStep => ({ kind: 'decimalRun', run })) },
  { weight: 1, arbitrary: fc.constant<ApiStep>({ kind: 'fields' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bad' as const), method: fc.constantFrom('tryTake' as const, 'timeUntilAvailable' as const), bad: fc.constantFrom(...BAD) }) },
);

function runApi(TokenBucket: typeof import('@impl/token-bucket').TokenBucket, config: ExtremeConfig, steps: readonly ApiStep[]): void {
  const { capacity, refillPerSecond, start } = config;
  const clock = new MethodClock(start);
  const options: { capacity: number; refillPerSecond: number; clock: { now(): number } } = { capacity, refillPerSecond, clock };
  const bucket = new TokenBucket(options);
  if (config.changeOptions) {
    // The caller reuses its options object: none of this may reach the bucket.
    options.capacity = capacity === 1 ? 2 : 1;
    options.refillPerSecond = refillPerSecond === 1 ? 2 : 1;
    options.clock = Object.freeze({ now: () => start + 3_600_000 });
  }
  const model = new ModelBucket(capacity, refillPerSecond, start);
  let lastAvailable = capacity;
  const history: string[] = [];
  const where = () =>
    `after ${history.length > 8 ? '…, ' : ''}${history.slice(-8).join(', ') || 'creation'} (capacity ${capacity}, ${refillPerSecond}/s, clock ${clock.t}` +
    `${config.changeOptions ? ', the caller changed its options object after construction' : ''})`;
  const sizeOf = (size: Size): number => {
    if ('share' in size) return size.share === 1 ? Math.min(1, capacity) : Math.min(capacity, Math.max(size.share * capacity, Number.MIN_VALUE));
    if ('decimal' in size) return capacity >= 1 ? size.decimal : Math.max(size.decimal * capacity, Number.MIN_VALUE);
    switch (size.edge) {
      case 'capacity':
        return capacity;
      case 'min':
        return Number.MIN_VALUE;
      case 'maxSafe':
        return Math.min(capacity, Number.MAX_SAFE_INTEGER);
      case 'lastAvailable':
        return lastAvailable > 0 && lastAvailable <= capacity ? lastAvailable : capacity;
      default: {
        const unreachable: never = size.edge;
        return unreachable;
      }
    }
  };
  const call = (method: 'tryTake' | 'timeUntilAvailable', size: Size | 'default'): { n: number; got: number | boolean } | undefined => {
    const n = size === 'default' ? 1 : sizeOf(size);
    const text = `${method}(${size === 'default' ? '' : n})`;
    history.push(text);
    if (n > capacity) {
      // Only the default n = 1 gets here, with a capacity below 1.
      expectRangeError(`${text} with capacity ${capacity}: the default n is 1`, () => (method === 'tryTake' ? bucket.tryTake() : bucket.timeUntilAvailable()), 'n');
      return undefined;
    }
    model.refill(clock.t);
    if (method === 'tryTake') return { n, got: size === 'default' ? bucket.tryTake() : bucket.tryTake(n) };
    return { n, got: size === 'default' ? bucket.timeUntilAvailable() : bucket.timeUntilAvailable(n) };
  };

  for (const step of steps) {
    switch (step.kind) {
      case 'advance':
        clock.t += step.ms;
        history.push(`clock +${step.ms} ms`);
        break;
      case 'take': {
        const result = call('tryTake', step.size);
        if (!result) break;
        const expected = model.decide(result.n);
        if (expected !== 'either') expect(result.got, `tryTake(${result.n}) ${where()}: the model holds ${model.tokens.toNumber()} tokens`).toBe(expected === 'yes');
        if (result.got === true) model.take(result.n);
        break;
      }
      case 'wait': {
        const result = call('timeUntilAvailable', step.size);
        if (!result) break;
        const { n, got } = result;
        expect(model.acceptsWait(n, got as number), `timeUntilAvailable(${n}) ${where()}: got ${String(got)} ms, the model holds ${model.tokens.toNumber()} tokens`).toBe(true);
        // 0 exactly when tryTake(n) would succeed now: ask it, at the same clock reading.
        const taken = bucket.tryTake(n);
        history.push(`tryTake(${n})`);
        expect(taken, `tryTake(${n}) right after timeUntilAvailable(${n}) answered ${String(got)}, at the same clock reading, ${where()}`).toBe(got === 0);
        if (taken) model.take(n);
        break;
      }
      case 'available': {
        history.push('available()');
        model.refill(clock.t);
        const got = bucket.available();
        expect(model.acceptsAvailable(got), `available() ${where()}: got ${got}, the model holds ${model.tokens.toNumber()} (and available() is always in [0, capacity])`).toBe(true);
        expect(bucket.available(), `available() read again at the same clock reading, ${where()}`).toBe(got);
        lastAvailable = got;
        break;
      }
      case 'decimalRun':
        // As many requests of each size as the bucket allows, then available(), which must still be in [0, capacity].
        for (const d of step.run) {
          const n = capacity >= 1 ? d : Math.max(d * capacity, Number.MIN_VALUE);
          history.push(`tryTake(${n})`);
          model.refill(clock.t);
          const expected = model.decide(n);
          const got = bucket.tryTake(n);
          if (expected !== 'either') expect(got, `tryTake(${n}) ${where()}: the model holds ${model.tokens.toNumber()} tokens`).toBe(expected === 'yes');
          if (got) model.take(n);
        }
        {
          history.push('available()');
          const got = bucket.available();
          expect(model.acceptsAvailable(got), `available() ${where()}: got ${got}, the model holds ${model.tokens.toNumber()} (and available() is always in [0, capacity])`).toBe(true);
          lastAvailable = got;
        }
        break;
      case 'fields':
        history.push('capacity, refillPerSecond');
        for (let read = 1; read <= 2; read++) {
          expect(bucket.capacity, `bucket.capacity (read ${read}) ${where()}`).toBe(capacity);
          expect(bucket.refillPerSecond, `bucket.refillPerSecond (read ${read}) ${where()}`).toBe(refillPerSecond);
        }
        break;
      case 'bad': {
        const n = badValue(step.bad, capacity);
        history.push(`${step.method}(${step.bad})`);
        expectRangeError(`${step.method}(${n}: ${step.bad}) with capacity ${capacity}`, () => bucket[step.method](n), 'n');
        break;
      }
      default: {
        const unreachable: never = step;
        throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

// Part 2 of task 1: the whole API at the ends of every range comes after the bucket itself (bucket.test.ts).
suite.task(1, () => {
  suite.test(
    {
      points: 7,
      category: 'correctness',
      name: 'the whole bucket API matches the exact model at both ends of every range, whatever the caller does with its options',
      clauses: ['TB-0.1', 'TB-0.2', 'TB-0.3', 'TB-0.4', 'TB-1.1', 'TB-1.2', 'TB-1.4', 'TB-1.5', 'TB-1.6', 'TB-1.7', 'TB-1.8', 'TB-1.9', 'TB-1.10', 'TB-2.1', 'TB-2.2', 'TB-2.4'],
      hint: 'README, task 1: every finite capacity and rate > 0 is valid, n = capacity is valid and the next double above it is not; available() never leaves [0, capacity]; read the clock as options.clock.now(), and keep the numbers the options had at creation.',
    },
    (t) => {
      const { TokenBucket } = suite.impl();
      // Spelled out: a bucket of 1 token granted 0.1, 0.2, 0.3 and 0.4 holds exactly 0, not −5.6e−17.
      const base = { start: 0, changeOptions: false };
      runApi(TokenBucket, { ...base, capacity: 1, refillPerSecond: 1 }, [{ kind: 'decimalRun', run: [0.1, 0.2, 0.3, 0.4] }, { kind: 'available' }]);
      // The band is 10⁻⁹ (and a hair) at a capacity of 1: 10⁻⁸ tokens short is a refusal, and a wait of 1 ms.
      runApi(TokenBucket, { ...base, capacity: 1, refillPerSecond: 1 }, [
        { kind: 'take', size: { edge: 'capacity' } },
        { kind: 'advance', ms: 999.99999 },
        { kind: 'take', size: { edge: 'capacity' } },
        { kind: 'wait', size: { edge: 'capacity' } },
      ]);
      // Both ends of both ranges are valid options, and n = capacity is a valid request at each.
      for (const capacity of [Number.MIN_VALUE, Number.MAX_VALUE]) {
        for (const refillPerSecond of [Number.MIN_VALUE, Number.MAX_VALUE]) {
          runApi(TokenBucket, { ...base, capacity, refillPerSecond }, [
            { kind: 'fields' },
            { kind: 'take', size: { edge: 'capacity' } },
            { kind: 'available' },
            { kind: 'wait', size: { edge: 'capacity' } },
            { kind: 'advance', ms: 1000 },
            { kind: 'available' },
            { kind: 'bad', method: 'tryTake', bad: 'just above the capacity' },
          ]);
        }
      }
      t.check(
        fc.property(extremeConfigArb, fc.array(apiStepArb, { maxLength: 60 }), (config, steps) => runApi(TokenBucket, config, steps)),
        { numRuns: 100 },
      );
    },
  );

  suite.test(
    {
      points: 1,
      category: 'api',
      name: 'the constructor reads each field of its options once: the value it checks is the value it keeps',
      clauses: ['TB-1.4'],
      hint: 'README, task 1 (TB-1.4): a field of the options may be a getter that answers differently each time it is read. Read each field once into a local (`const { capacity, refillPerSecond, clock } = options`), then check those and keep those.',
    },
    () => {
      const { TokenBucket } = suite.impl();
      // Options read through getters that answer differently after their first read: the bucket reads each field once.
      const clock = new TestClock(0);
      const { options, reads } = shiftyOptions(5, 2, clock.reader);
      const shifty = new TokenBucket(options);
      expect([shifty.capacity, shifty.refillPerSecond], 'capacity and refillPerSecond of a bucket made from options whose getters answer 5 and 2 on their first read only').toEqual([5, 2]);
      expect(shifty.tryTake(5), 'tryTake(5) on that full bucket of 5').toBe(true);
      clock.t = 1250;
      expect(shifty.available(), 'available() 1.25 s later, at 2 per second').toBeCloseTo(2.5, 9);
      expect([shifty.tryTake(2), shifty.tryTake(1)], 'tryTake(2), then tryTake(1), with 2.5 tokens').toEqual([true, false]);
      expect(reads, 'reads of each field of the options object, after construction and five calls: each is read once, when the bucket is made').toEqual({ capacity: 1, refillPerSecond: 1, clock: 1 });
    },
  );
}, { part: 2 });
