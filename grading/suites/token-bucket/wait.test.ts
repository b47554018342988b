import fc from 'fast-check';
import { expect } from 'vitest';
import { ModelBucket } from './model';
import { TestClock, bucketSuite, configArb, expectRangeError, forwardArb, nextDown, nextUp, shareArb, sizeOf } from './support';
import { advanceArb, replay, takeArb } from './timeline';

const suite = bucketSuite();

suite.task(2, () => {
  suite.test(
    {
      points: 8,
      category: 'correctness',
      name: 'timeUntilAvailable is the exact wait: after it tryTake succeeds, a millisecond sooner it does not',
      clauses: ['TB-2.1', 'TB-0.3'],
      hint: 'README, task 2: missing tokens ÷ rate, in ms, rounded up — and 0 when nothing is missing.',
    },
    (t) => {
      const { TokenBucket } = suite.impl();
      t.check(
        fc.property(configArb, fc.array(fc.oneof(advanceArb(forwardArb), takeArb), { maxLength: 30 }), shareArb, (config, steps, share) => {
          replay(TokenBucket, config, [...steps, { kind: 'wait', share }]);
          // And waiting that long really works, on the learner's own bucket.
          const clock = new TestClock(config.start);
          const bucket = new TokenBucket({ capacity: config.capacity, refillPerSecond: config.refillPerSecond, clock: clock.reader });
          const model = new ModelBucket(config.capacity, config.refillPerSecond, config.start);
          bucket.tryTake(config.capacity);
          model.take(config.capacity);
          const n = sizeOf(share, config.capacity);
          const wait = bucket.timeUntilAvailable(n);
          clock.t += wait;
          model.refill(clock.t);
          if (model.decide(n) === 'yes') expect(bucket.tryTake(n), `tryTake(${n}) ${wait} ms after emptying (capacity ${config.capacity}, ${config.refillPerSecond}/s)`).toBe(true);
        }),
        { numRuns: 200 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'the wait is right at the ends of the ranges: high rates, tiny rates and capacities near Number.MAX_VALUE',
      clauses: ['TB-2.1', 'TB-2.2', 'TB-2.5'],
      hint: 'README, task 2: a wait below one millisecond is 1, not 0; a wait longer than Number.MAX_VALUE ms is Infinity; and missing × 1000 can overflow where missing ÷ rate × 1000 does not.',
    },
    () => {
      const { TokenBucket } = suite.impl();
      // Each case: a bucket emptied at clock 0, the clock moved on, then timeUntilAvailable(n), checked against the exact model.
      const cases = [
        // 1 000 tokens at 100 000 per second: 99.99999995 back, 200 asked. 1 ms later the bucket holds 5·10⁻⁸ too few.
        { capacity: 1000, refillPerSecond: 1e5, after: 0.9999999995, n: 200 },
        // 2·10⁻⁹ tokens short at 5 000 per second: 4·10⁻¹⁰ ms away, so the wait is 1, not 0.
        { capacity: 1, refillPerSecond: 5000, after: 0.2 - 4e-10, n: 1 },
        // 1.5·10⁻⁹ tokens more than 1 ms of refill short, at 1 000 per second: 1 ms leaves it short by more than the band, so 2.
        { capacity: 2, refillPerSecond: 1000, after: 1 - 1.5e-9, n: 2 },
        // A burst of 10¹² at 10¹² per second (bytes of a fast link): the whole capacity in exactly 1 000 ms.
        { capacity: 1e12, refillPerSecond: 1e12, after: 0, n: 1e12 },
        // Half of Number.MAX_VALUE at Number.MAX_VALUE per second is 500 ms; missing × 1000 overflows to Infinity.
        { capacity: Number.MAX_VALUE, refillPerSecond: Number.MAX_VALUE, after: 0, n: Number.MAX_VALUE / 2 },
        // Number.MAX_SAFE_INTEGER tokens at 1 per second: about 9·10¹⁸ ms, a whole number beyond 2⁵³.
        { capacity: 2 ** 60, refillPerSecond: 1, after: 0, n: Number.MAX_SAFE_INTEGER },
        // One token at 10⁻³⁰⁰ per second: about 10³⁰³ ms, still a double.
        { capacity: 1, refillPerSecond: 1e-300, after: 0, n: 1 },
        // One token at Number.MIN_VALUE per second: about 2·10³²⁶ ms, beyond Number.MAX_VALUE: Infinity.
        { capacity: 1, refillPerSecond: Number.MIN_VALUE, after: 0, n: 1 },
      ];
      for (const { capacity, refillPerSecond, after, n } of cases) {
        const clock = new TestClock(0);
        const bucket = new TokenBucket({ capacity, refillPerSecond, clock: clock.reader });
        const model = new ModelBucket(capacity, refillPerSecond, 0);
        expect(bucket.tryTake(capacity), `tryTake(${capacity}) on a full bucket of ${capacity}`).toBe(true);
        model.take(capacity);
        clock.t = after;
        model.refill(after);
        const what = `timeUntilAvailable(${n}) at ${refillPerSecond}/s, capacity ${capacity}, ${after} ms after emptying (the exact bucket holds ${model.tokens.toNumber()})`;
        const wait = bucket.timeUntilAvailable(n);
        expect(model.acceptsWait(n, wait), `${what}: got ${wait}`).toBe(true);
        if (wait !== 0) expect(bucket.tryTake(n), `tryTake(${n}) right after ${what} answered ${wait}: a wait above 0 means it would not succeed now`).toBe(false);
        if (!Number.isFinite(wait)) continue;
        clock.t = after + wait;
        model.refill(clock.t);
        if (model.decide(n) === 'yes') expect(bucket.tryTake(n), `tryTake(${n}) ${wait} ms later, after ${what} answered ${wait}`).toBe(true);
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'api',
      name: 'timeUntilAvailable is 0 when the tokens are there, takes nothing, and rejects a bad n',
      clauses: ['TB-2.2', 'TB-2.3', 'TB-2.4', 'TB-0.7'],
      hint: 'README, task 2: it only looks; a RangeError for n as tryTake gives.',
    },
    () => {
      const { TokenBucket } = suite.impl();
      const clock = new TestClock(0);
      const bucket = new TokenBucket({ capacity: 4, refillPerSecond: 2, clock: clock.reader });
      expect(bucket.timeUntilAvailable(4), 'timeUntilAvailable(4) on a full bucket of 4').toBe(0);
      expect(bucket.timeUntilAvailable(4), 'timeUntilAvailable(4) again: nothing was taken').toBe(0);
      expect(bucket.tryTake(4)).toBe(true);
      expect(bucket.timeUntilAvailable(1), 'timeUntilAvailable(1) on an empty bucket refilling 2 per second').toBe(500);
      expect(bucket.available(), 'tokens after asking').toBe(0);
      for (const n of [5, 0, -2, Number.NaN]) expectRangeError(`timeUntilAvailable(${n}) with capacity 4`, () => bucket.timeUntilAvailable(n), 'n');
      // At the band's edge either answer is allowed (TB-0.3), but both methods must give the same one (TB-2.2):
      // a bucket left holding exactly d tokens, asked for 2d, is short by exactly d.
      for (const d of [5e-10, nextDown(1e-9), 1e-9, nextUp(1e-9), 1e-9 + 2e-21, 1.5e-9, 2e-9]) {
        const edge = new TokenBucket({ capacity: 2 * d, refillPerSecond: Number.MIN_VALUE, clock: new TestClock(0).reader });
        expect(edge.tryTake(d), `tryTake(${d}) on a full bucket of ${2 * d}`).toBe(true);
        const wait = edge.timeUntilAvailable(2 * d);
        expect(edge.tryTake(2 * d), `holding ${d} tokens (capacity ${2 * d}), timeUntilAvailable(${2 * d}) was ${wait}, so tryTake(${2 * d}) must ${wait === 0 ? 'succeed' : 'fail'}`).toBe(wait === 0);
      }
    },
  );
});
