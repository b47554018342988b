import fc from 'fast-check';
import { expect } from 'vitest';
import { TestClock, bucketSuite, configArb, forwardArb } from './support';
import { advanceArb, availableArb, replay, takeArb, waitArb, type Step } from './timeline';

const suite = bucketSuite();

const backwardArb = fc.oneof(fc.integer({ min: -10_000, max: -1 }), fc.constantFrom(-0.125, -0.5, -0.999, -1e9)).map((ms) => ({ kind: 'advance' as const, ms }) satisfies Step);

const nonFiniteArb = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

type Glitchy = Step | { readonly kind: 'glitch'; readonly reading: number };

/**
 * A clock that now and then reads NaN or ±Infinity, and keeps that reading
 * until true time moves on (the next advance sets it to true time again).
 * `first` is its reading at creation: true time (`start`) or not finite.
 */
const glitchyRun = fc.record({
  first: fc.option(nonFiniteArb, { nil: undefined, freq: 2 }),
  events: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: advanceArb(forwardArb) },
      { weight: 4, arbitrary: takeArb },
      { weight: 2, arbitrary: availableArb },
      { weight: 1, arbitrary: nonFiniteArb.map((reading): Glitchy => ({ kind: 'glitch', reading })) },
    ),
    { maxLength: 80 },
  ),
});

/** The run as clock settings: true time moves on from `start`; a glitch shows its reading instead. */
function glitchySteps(start: number, events: readonly Glitchy[]): Step[] {
  let now = start;
  return events.map((e): Step => {
    switch (e.kind) {
      case 'advance':
        now += e.ms;
        return { kind: 'set', to: now };
      case 'glitch':
        return { kind: 'set', to: e.reading };
      default:
        return e;
    }
  });
}

suite.task(4, () => {
  suite.test(
    {
      points: 7,
      category: 'faults',
      name: 'a clock that steps backwards never mints tokens and never throws',
      clauses: ['TB-4.1', 'TB-4.5', 'TB-2.6'],
      hint: 'README, task 4: remember the latest reading; an earlier one adds nothing, and refill resumes only once the clock passes the latest again. A wait asked meanwhile may count from the latest reading, or include the time the clock needs to get back to it (TB-2.6).',
    },
    (t) => {
      const { TokenBucket } = suite.impl();
      t.check(
        fc.property(configArb, fc.array(fc.oneof(advanceArb(forwardArb), backwardArb, takeArb, takeArb, availableArb, waitArb), { maxLength: 80 }), (config, steps) => void replay(TokenBucket, config, steps)),
        { numRuns: 200 },
      );
      // The classic case, spelled out: empty at 1 000 ms, back to 0, forward to 1 000 again.
      const clock = new TestClock(1000);
      const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 1, clock: clock.reader });
      expect(bucket.tryTake(10)).toBe(true);
      clock.t = 0;
      expect(bucket.available(), 'tokens after the clock stepped back 1 s').toBe(0);
      // TB-2.6: 1 000 ms counted from the latest reading, or 2 000 ms counting the second the clock needs to get back to it.
      expect([1000, 2000], 'timeUntilAvailable(1) at 0, with 0 tokens at 1 per second and the latest reading 1 000').toContain(bucket.timeUntilAvailable(1));
      // Behind by less than the refill needs: 1 000 ms from the latest reading, or 1 300 ms counting the way back.
      clock.t = 700;
      expect([1000, 1300], 'timeUntilAvailable(1) at 700, with 0 tokens at 1 per second and the latest reading 1 000').toContain(bucket.timeUntilAvailable(1));
      clock.t = 1000;
      expect(bucket.available(), 'tokens when the clock is back where it was: that second was already counted').toBe(0);
      clock.t = 2000;
      expect(bucket.available(), 'tokens one real second later').toBeCloseTo(1, 9);
      // However far back the clock steps (two minutes here, as a clock reset might), the stretch it repeats was counted.
      expect(bucket.tryTake(1)).toBe(true);
      clock.t = 2000 - 120_000;
      expect(bucket.available(), 'tokens after the clock stepped back two minutes').toBeCloseTo(0, 9);
      clock.t = 2000;
      expect(bucket.available(), 'tokens when the clock is back at 2 000, where the bucket was emptied').toBeCloseTo(0, 9);
      // The constructor's reading is the bucket's first: created at 10 000, first used after a step back to 5 000.
      const late = new TestClock(10_000);
      const made = new TokenBucket({ capacity: 4, refillPerSecond: 2, clock: late.reader });
      late.t = 5_000;
      expect(made.tryTake(4), 'tryTake(4) on a new bucket, after the clock stepped back from 10 000 (its creation) to 5 000').toBe(true);
      late.t = 10_000;
      expect(made.available(), 'tokens at 10 000: the bucket was created at 10 000, so no time has passed since it began counting').toBe(0);
      late.t = 10_500;
      expect(made.available(), 'tokens at 10 500: 500 ms after creation, at 2 per second').toBeCloseTo(1, 9);
      // The same from every origin, 0 and −0 included: a reading of 0 is a reading like any other.
      for (const origin of [0, -0, -5_000, 1_700_000_000_000]) {
        const at = new TestClock(origin);
        const fresh = new TokenBucket({ capacity: 4, refillPerSecond: 2, clock: at.reader });
        at.t = origin - 5_000;
        expect(fresh.tryTake(4), `tryTake(4) on a new bucket created at ${origin}, after the clock stepped back to ${origin - 5_000}`).toBe(true);
        at.t = origin;
        expect(fresh.available(), `tokens at ${origin}, the bucket's creation: no time has passed since it began counting`).toBe(0);
        at.t = origin + 500;
        expect(fresh.available(), `tokens at ${origin + 500}: 500 ms after creation, at 2 per second`).toBeCloseTo(1, 9);
      }
      // A step back of less than a millisecond is a step back too: the stretch it repeats was already counted.
      const jitter = new TestClock(1000);
      const fast = new TokenBucket({ capacity: 10, refillPerSecond: 1000, clock: jitter.reader });
      expect(fast.tryTake(10)).toBe(true);
      jitter.t = 999.5;
      expect(fast.available(), 'tokens after the clock stepped back half a millisecond').toBe(0);
      jitter.t = 1000;
      expect(fast.available(), 'tokens when the clock is back at 1 000, where the bucket was emptied').toBe(0);
      jitter.t = 1001;
      expect(fast.available(), 'tokens one real millisecond later, at 1 000 per second').toBeCloseTo(1, 9);
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'a huge forward jump refills to exactly the capacity, without overflow',
      clauses: ['TB-4.2'],
      hint: 'README, task 4: a huge jump may make the refill Infinity; that is fine once Math.min(capacity, …) caps it, but Infinity − Infinity is NaN, so never subtract before capping.',
    },
    () => {
      const { TokenBucket } = suite.impl();
      // A fast bucket, and a slow one that needs 10⁵ s (more than a day) to refill: every jump must fill both.
      for (const { capacity, refillPerSecond } of [
        { capacity: 7.5, refillPerSecond: 1e6 },
        { capacity: 1000, refillPerSecond: 0.01 },
      ]) {
        for (const jump of [1e9, 1e15, Number.MAX_SAFE_INTEGER, 1e300, Number.MAX_VALUE]) {
          const clock = new TestClock(0);
          const bucket = new TokenBucket({ capacity, refillPerSecond, clock: clock.reader });
          expect(bucket.tryTake(capacity)).toBe(true);
          clock.t = jump;
          expect(bucket.available(), `tokens after the clock jumped to ${jump} (capacity ${capacity}, ${refillPerSecond}/s)`).toBe(capacity);
          expect(bucket.tryTake(capacity), `tryTake(${capacity}) after the jump to ${jump} (${refillPerSecond}/s)`).toBe(true);
          expect(bucket.tryTake(0.001), `a request right after emptying it again (capacity ${capacity}, ${refillPerSecond}/s)`).toBe(false);
        }
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'a clock that starts anywhere, negative or at epoch milliseconds, behaves the same',
      clauses: ['TB-4.3'],
      hint: 'README, task 4: only differences between readings matter; never assume the clock starts at 0.',
    },
    (t) => {
      const { TokenBucket } = suite.impl();
      t.check(
        fc.property(configArb, fc.array(fc.oneof(advanceArb(forwardArb), takeArb, availableArb), { maxLength: 60 }), (config, steps) => {
          for (const start of [0, -1e12, 1_700_000_000_000, 2 ** 40]) replay(TokenBucket, { ...config, start }, steps);
        }),
        { numRuns: 60 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'a clock reading that is NaN or ±Infinity counts as no time passing, even the first one',
      clauses: ['TB-4.4', 'TB-4.6'],
      hint: 'README, task 4: skip a reading that is not a finite number, touching nothing; if the first reading was not finite, the first finite one sets the latest reading and adds nothing.',
    },
    (t) => {
      const { TokenBucket } = suite.impl();
      // Spelled out: created while the clock reads NaN, emptied, then the clock comes back.
      const clock = new TestClock(Number.NaN);
      const bucket = new TokenBucket({ capacity: 4, refillPerSecond: 2, clock: clock.reader });
      expect(bucket.tryTake(4), 'tryTake(4) on a new bucket of 4 whose clock has only read NaN').toBe(true);
      clock.t = 1000;
      expect(bucket.available(), 'tokens at the first finite reading (1 000), after emptying the bucket: no time has passed yet').toBe(0);
      clock.t = Number.POSITIVE_INFINITY;
      expect(bucket.available(), 'tokens while the clock reads Infinity').toBe(0);
      clock.t = 1500;
      expect(bucket.available(), 'tokens 500 ms after the first finite reading, at 2 per second').toBeCloseTo(1, 9);
      clock.t = Number.NaN;
      expect(bucket.tryTake(1), 'tryTake(1) with 1 token, while the clock reads NaN').toBe(true);
      expect(bucket.available(), 'tokens after that, the clock still reading NaN').toBe(0);
      clock.t = Number.NEGATIVE_INFINITY;
      expect(bucket.available(), 'tokens while the clock reads -Infinity').toBe(0);
      clock.t = 2000;
      expect(bucket.available(), 'tokens at 2 000: 500 ms after the latest finite reading').toBeCloseTo(1, 9);
      t.check(
        fc.property(configArb, glitchyRun, (config, { first, events }) => void replay(TokenBucket, { ...config, start: first ?? config.start }, glitchySteps(config.start, events))),
        { numRuns: 200 },
      );
    },
  );

  suite.test(
    {
      points: 7,
      category: 'faults',
      name: 'a million requests at a fractional rate grant what the rate allows, without drift',
      clauses: ['TB-0.6', 'TB-0.5', 'TB-0.8'],
      // Two million calls: under Stryker's coverage instrumentation on a loaded machine the default deadline was too short.
      deadlineMs: 20_000,
      hint: 'README, "Precision": keep the fraction of a token, and never round elapsed time up or down per call; and a clock moves on between two readings, so compute with the reading you keep as the latest.',
    },
    () => {
      const { TokenBucket } = suite.impl();
      const cases = [
        { capacity: 1, refillPerSecond: 1 / 3, stepMs: 0.25, calls: 1_000_000 },
        { capacity: 2.5, refillPerSecond: 7.3, stepMs: 1, calls: 1_000_000 },
      ];
      for (const { capacity, refillPerSecond, stepMs, calls } of cases) {
        const clock = new TestClock(1_700_000_000_000);
        const bucket = new TokenBucket({ capacity, refillPerSecond, clock: clock.reader });
        const start = clock.t;
        let granted = 0;
        for (let i = 1; i <= calls; i++) {
          if (bucket.tryTake(1)) granted++;
          clock.t = start + i * stepMs;
        }
        const elapsedMs = (calls - 1) * stepMs;
        const ideal = capacity + (refillPerSecond * elapsedMs) / 1000;
        const what = `${calls} requests for 1 token, one every ${stepMs} ms, at ${refillPerSecond}/s with capacity ${capacity}: granted ${granted}, the rate allows ${ideal.toFixed(3)}`;
        expect(granted, what).toBeLessThanOrEqual(Math.floor(ideal + 1e-6));
        expect(granted, what).toBeGreaterThanOrEqual(Math.floor(ideal) - 1);
      }
      // TB-0.8: a clock that moves on 0.25 ms at every reading, as a real one does, even between two readings of one call.
      const ticking = {
        t: 1_700_000_000_000,
        last: Number.NaN,
        now(): number {
          this.last = this.t;
          this.t += 0.25;
          return this.last;
        },
      };
      const first = ticking.t;
      const bucket = new TokenBucket({ capacity: 2.5, refillPerSecond: 7.3, clock: ticking });
      const calls = 200_000;
      let granted = 0;
      for (let i = 0; i < calls; i++) if (bucket.tryTake(1)) granted++;
      const ideal = 2.5 + (7.3 * (ticking.last - first)) / 1000;
      const what = `${calls} requests for 1 token at 7.3/s with capacity 2.5, from a clock that moves on 0.25 ms at every reading (${(ticking.last - first) / 1000} s from the first reading to the last): granted ${granted}, the rate allows ${ideal.toFixed(3)}; the time between two readings counts too`;
      expect(granted, what).toBeLessThanOrEqual(Math.floor(ideal + 1e-6));
      expect(granted, what).toBeGreaterThanOrEqual(Math.floor(ideal) - 1);
    },
  );
});
