import fc from 'fast-check';
import { expect } from 'vitest';
import { ModelBucket } from './model';
import { TestClock, bucketSuite, configArb, expectRangeError, forwardArb, shareArb, sizeOf } from './support';
import { advanceArb, replay, takeArb } from './timeline';

const suite = bucketSuite();

suite.task(2, () => {
  suite.test(
    {
      points: 10,
      category: 'correctness',
      name: 'timeUntilAvailable is the exact wait: after it tryTake succeeds, a millisecond sooner it does not',
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
      points: 5,
      category: 'api',
      name: 'timeUntilAvailable is 0 when the tokens are there, takes nothing, and rejects a bad n',
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
    },
  );
});
