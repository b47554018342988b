import fc from 'fast-check';
import { expect } from 'vitest';
import { bandOf } from './model';
import { TestClock, bucketSuite, configArb, expectRangeError, forwardArb } from './support';
import { advanceArb, availableArb, replay, takeArb } from './timeline';

const suite = bucketSuite();
const forwardTimeline = fc.array(fc.oneof({ weight: 3, arbitrary: advanceArb(forwardArb) }, { weight: 4, arbitrary: takeArb }, { weight: 1, arbitrary: availableArb }), { maxLength: 80 });

suite.task(1, () => {
  suite.test(
    {
      points: 10,
      category: 'correctness',
      name: 'tryTake and available match an exact model of a bucket that starts full and refills continuously',
      clauses: ['TB-1.1', 'TB-1.5', 'TB-1.6', 'TB-1.7', 'TB-1.8', 'TB-0.1', 'TB-0.3', 'TB-0.4'],
      hint: 'README, task 1: tokens(t) = min(capacity, tokens at the last reading + elapsed × rate); keep the fraction, compute it from elapsed time.',
    },
    (t) => {
      const { TokenBucket } = suite.impl();
      t.check(fc.property(configArb, forwardTimeline, (config, steps) => void replay(TokenBucket, config, steps)), { numRuns: 200 });
    },
  );

  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'in every window, accepted tokens never exceed capacity + rate × window, and a request the model allows is never refused',
      clauses: ['TB-0.5', 'TB-0.3', 'TB-1.5'],
      hint: 'README, "Precision": the bucket is the conformance definition — a burst of capacity, then the rate.',
    },
    (t) => {
      const { TokenBucket } = suite.impl();
      t.check(
        fc.property(configArb, fc.array(fc.oneof(advanceArb(forwardArb), takeArb, takeArb), { minLength: 1, maxLength: 120 }), (config, steps) => {
          const { grants } = replay(TokenBucket, config, steps);
          for (let i = 0; i < grants.length; i++) {
            let sum = 0;
            for (let j = i; j < grants.length; j++) {
              sum += grants[j]!.n;
              const window = grants[j]!.t - grants[i]!.t;
              const bound = config.capacity + (config.refillPerSecond * window) / 1000;
              // Each grant may overshoot by the band (README, "Precision"), and no more.
              const slack = (j - i + 1) * bandOf(config.capacity);
              expect(sum, `tokens granted between clock ${grants[i]!.t} and ${grants[j]!.t} (capacity ${config.capacity}, ${config.refillPerSecond}/s)`).toBeLessThanOrEqual(bound + slack);
            }
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'a refused request takes nothing, and exactly zero tokens refuse a request for 1',
      clauses: ['TB-1.8', 'TB-1.7'],
      hint: 'README, task 1: check first, then subtract; a "no" changes nothing.',
    },
    () => {
      const { TokenBucket } = suite.impl();
      const clock = new TestClock(0);
      const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1, clock: clock.reader });
      expect(bucket.tryTake(5), 'taking all 5 tokens of a full bucket').toBe(true);
      expect(bucket.tryTake(1), 'tryTake(1) with exactly 0 tokens').toBe(false);
      expect(bucket.available(), 'tokens after a refused request').toBe(0);
      clock.t = 500;
      expect(bucket.tryTake(1), 'tryTake(1) with 0.5 tokens').toBe(false);
      expect(bucket.available(), 'tokens after a refused request at 0.5').toBeCloseTo(0.5, 12);
      clock.t = 1000;
      expect(bucket.tryTake(1), 'tryTake(1) with exactly 1 token').toBe(true);
      clock.t = 3000;
      expect(bucket.tryTake(3), 'tryTake(3) with 2 tokens').toBe(false);
      expect(bucket.tryTake(2), 'tryTake(2) with exactly 2 tokens, after a refused tryTake(3)').toBe(true);
      // Exactly n allows n at any magnitude: a bandwidth limiter counting bytes, with a burst of 1 GB.
      const bytes = new TokenBucket({ capacity: 1e9, refillPerSecond: 1e8, clock: clock.reader });
      expect(bytes.tryTake(1e9), 'tryTake(1e9) on a full bucket of 1e9 tokens').toBe(true);
      clock.t += 500;
      expect(bytes.tryTake(5e7), 'tryTake(5e7) with exactly 5e7 tokens (500 ms at 1e8 per second)').toBe(true);
      expect(bytes.tryTake(1), 'tryTake(1) right after, with exactly 0 tokens').toBe(false);
    },
  );

  suite.test(
    {
      points: 4,
      category: 'api',
      name: 'a request for more than the capacity, zero, a negative or NaN tokens is a RangeError naming n',
      clauses: ['TB-1.10', 'TB-0.7'],
      hint: 'README, task 1: a request the bucket could never allow is a caller’s error, not a "no".',
    },
    () => {
      const { TokenBucket } = suite.impl();
      const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 1, clock: new TestClock(0).reader });
      for (const n of [10.5, 11, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expectRangeError(`tryTake(${n}) with capacity 10`, () => bucket.tryTake(n), 'n');
      expect(bucket.tryTake(10), 'tryTake(10) with capacity 10, after the refused ones').toBe(true);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'bad options get a RangeError naming capacity or refillPerSecond',
      clauses: ['TB-1.3', 'TB-0.7'],
      hint: 'README, task 1: NaN fails every comparison; test for what is valid.',
    },
    () => {
      const { TokenBucket } = suite.impl();
      const clock = new TestClock(0);
      for (const capacity of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expectRangeError(`new TokenBucket({ capacity: ${capacity} })`, () => new TokenBucket({ capacity, refillPerSecond: 1, clock: clock.reader }), 'capacity');
      }
      for (const refillPerSecond of [0, -0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expectRangeError(`new TokenBucket({ refillPerSecond: ${refillPerSecond} })`, () => new TokenBucket({ capacity: 1, refillPerSecond, clock: clock.reader }), 'refillPerSecond');
      }
    },
  );
});
