/**
 * Visible tests: a few worked examples of the contract, to read before you
 * start. They earn no points; the hidden suite (grading/suites/token-bucket)
 * does, and `npm test` runs both. `@impl/token-bucket` is your token-bucket.ts;
 * `@impl/token-bucket/keyed-limiter` is your keyed-limiter.ts.
 *
 * Time is a fake clock the test moves by hand: `clock.t` is the reading in
 * milliseconds. Your code must read time only through `clock.now()`.
 */
import { describe, expect, test } from 'vitest';
import { TokenBucket } from '@impl/token-bucket';
import { KeyedLimiter } from '@impl/token-bucket/keyed-limiter';

/** A clock only the test moves. */
const fakeClock = (t = 0) => ({
  t,
  now() {
    return this.t;
  },
});

describe('task 1: token bucket', () => {
  test('a new bucket is full: a burst of `capacity` requests is allowed, the next is refused', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 1, clock });
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
  });

  test('tokens come back continuously: at 2 per second, 250 ms earn half a token', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 2, clock });
    expect(bucket.tryTake(5)).toBe(true);
    clock.t = 250;
    expect(bucket.available()).toBeCloseTo(0.5, 9);
    expect(bucket.tryTake()).toBe(false);
    clock.t = 500;
    expect(bucket.tryTake()).toBe(true);
  });

  test('refill stops at the capacity, however long the bucket waits', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 1, clock });
    bucket.tryTake(4);
    clock.t = 60 * 60 * 1000; // an hour later
    expect(bucket.available()).toBe(10);
  });

  test('a refused request takes nothing; exactly n tokens allow n, exactly zero refuse 1', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 1, clock });
    expect(bucket.tryTake(8)).toBe(true);
    expect(bucket.tryTake(3)).toBe(false); // 2 left: refused...
    expect(bucket.available()).toBe(2); // ...and still 2
    expect(bucket.tryTake(2)).toBe(true); // exactly 2 left, 2 asked
    expect(bucket.tryTake(1)).toBe(false); // exactly 0 left
  });

  test('a request larger than the bucket is a RangeError naming n, not a "no"', () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1, clock: fakeClock() });
    expect(() => bucket.tryTake(6)).toThrow(RangeError);
    expect(() => bucket.tryTake(6)).toThrow(/\bn\b/);
    expect(() => bucket.tryTake(0)).toThrow(RangeError);
  });

  test('the bucket keeps the numbers it was made with, whatever the caller does with its options later', () => {
    const clock = fakeClock();
    const options = { capacity: 2, refillPerSecond: 1, clock };
    const bucket = new TokenBucket(options);
    options.capacity = 100; // the caller reuses its object for something else
    expect(bucket.capacity).toBe(2);
    expect([bucket.tryTake(2), bucket.tryTake(1)]).toEqual([true, false]);
  });

  test('a capacity of 0 is a RangeError naming capacity', () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1, clock: fakeClock() })).toThrow(/capacity/);
  });
});

describe('task 2: time until available', () => {
  test('at 3 tokens per second, one token takes 333⅓ ms: the wait is 334 whole milliseconds', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 3, clock });
    expect(bucket.timeUntilAvailable()).toBe(0); // full: no wait
    bucket.tryTake();
    expect(bucket.timeUntilAvailable()).toBe(334);
    clock.t = 333;
    expect(bucket.tryTake()).toBe(false); // a millisecond sooner is too soon
    clock.t = 334;
    expect(bucket.tryTake()).toBe(true);
  });
});

describe('task 3: keyed limiter', () => {
  test('each key has its own bucket, "__proto__" and "" included', () => {
    const limiter = new KeyedLimiter({ capacity: 1, refillPerSecond: 1, clock: fakeClock() });
    expect(limiter.tryTake('alice')).toBe(true);
    expect(limiter.tryTake('alice')).toBe(false);
    expect(limiter.tryTake('bob')).toBe(true);
    expect(limiter.tryTake('__proto__')).toBe(true);
    expect(limiter.tryTake('')).toBe(true);
    expect(limiter.timeUntilAvailable('alice')).toBe(1000);
    expect(limiter.timeUntilAvailable('carol')).toBe(0); // never seen: a full bucket
  });

  test('buckets that refilled to full are forgotten as operations go on, and forgetting is invisible', () => {
    const clock = fakeClock();
    const limiter = new KeyedLimiter({ capacity: 2, refillPerSecond: 1, clock });
    for (let i = 0; i < 1000; i++) limiter.tryTake(`client-${i}`);
    expect(limiter.size).toBe(1000); // none of them is full yet
    clock.t = 1000; // every one of them is full again
    for (let i = 0; i < 1000; i++) limiter.timeUntilAvailable('someone');
    expect(limiter.size).toBeLessThan(10);
    // client-7's bucket was forgotten; a full one answers exactly the same.
    expect([limiter.tryTake('client-7'), limiter.tryTake('client-7'), limiter.tryTake('client-7')]).toEqual([true, true, false]);
  });
});

describe('task 4: clocks that misbehave', () => {
  test('a clock that steps backwards mints nothing: time is counted once', () => {
    const clock = fakeClock(10_000);
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1, clock });
    bucket.tryTake();
    clock.t = 5_000; // an NTP step back by 5 s
    expect(bucket.tryTake()).toBe(false);
    clock.t = 10_000; // back where it was: no time has passed since 10 000
    expect(bucket.tryTake()).toBe(false);
    clock.t = 10_500;
    expect(bucket.available()).toBeCloseTo(0.5, 9);
  });

  test('the reading at creation is the first: a step back before the first call mints nothing', () => {
    const clock = fakeClock(10_000);
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1, clock });
    clock.t = 5_000; // stepped back before anyone asked
    expect(bucket.tryTake()).toBe(true);
    clock.t = 10_000; // back at the creation reading: nothing earned yet
    expect(bucket.tryTake()).toBe(false);
  });

  test('a huge forward jump refills to exactly the capacity', () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 7, refillPerSecond: 1000, clock });
    bucket.tryTake(7);
    clock.t = Number.MAX_VALUE;
    expect(bucket.available()).toBe(7);
  });

  test('a clock in epoch milliseconds behaves like one that starts at 0', () => {
    const clock = fakeClock(1_700_000_000_000);
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 4, clock });
    bucket.tryTake(2);
    clock.t += 125;
    expect(bucket.available()).toBeCloseTo(0.5, 9);
  });
});
