import fc from 'fast-check';
import { expect } from 'vitest';
import { ModelBucket } from './model';
import { TestClock, configArb, forwardArb, limiterSuite, shareArb, sizeOf } from './support';

const suite = limiterSuite();

/** Keys a client-facing limiter meets: ordinary ones and the ones that break plain objects. */
const KEYS = ['alice', 'bob', 'carol', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '🔑', 'user:42'];

/** The named keys, and enough numbered ones that a size-capped cache would have to drop buckets still refilling. */
const keyArb = fc.oneof(fc.constantFrom(...KEYS), fc.integer({ min: 0, max: 150 }).map((i) => `client-${i}`));

type Op = { kind: 'advance'; ms: number } | { kind: 'take'; key: string; share: number } | { kind: 'wait'; key: string; share: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: forwardArb.map((ms) => ({ kind: 'advance' as const, ms })) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('take' as const), key: keyArb, share: shareArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), key: keyArb, share: shareArb }) },
);

suite.task(3, () => {
  suite.test(
    {
      points: 12,
      category: 'correctness',
      name: 'a keyed limiter answers exactly like one independent bucket per key, however it forgets',
      hint: 'README, task 3: forget only a bucket that has refilled to full — a new bucket starts full, so nobody can tell.',
    },
    (t) => {
      const { KeyedLimiter } = suite.impl();
      t.check(
        fc.property(configArb, fc.array(opArb, { maxLength: 300 }), (config, ops) => {
          const clock = new TestClock(config.start);
          const limiter = new KeyedLimiter({ capacity: config.capacity, refillPerSecond: config.refillPerSecond, clock: clock.reader });
          const models = new Map<string, ModelBucket>();
          const model = (key: string) => {
            let bucket = models.get(key);
            if (!bucket) models.set(key, (bucket = new ModelBucket(config.capacity, config.refillPerSecond, clock.t)));
            bucket.refill(clock.t);
            return bucket;
          };
          ops.forEach((op, i) => {
            const at = `at op ${i} (clock ${clock.t}, capacity ${config.capacity}, ${config.refillPerSecond}/s)`;
            if (op.kind === 'advance') {
              clock.t += op.ms;
              return;
            }
            const n = sizeOf(op.share, config.capacity);
            const bucket = model(op.key);
            if (op.kind === 'wait') {
              const wait = limiter.timeUntilAvailable(op.key, n);
              expect(bucket.acceptsWait(n, wait), `timeUntilAvailable(${JSON.stringify(op.key)}, ${n}) ${at}: got ${wait} ms, the key's bucket holds ${bucket.tokens.toNumber()}`).toBe(true);
              return;
            }
            const expected = bucket.decide(n);
            const got = limiter.tryTake(op.key, n);
            if (expected !== 'either') expect(got, `tryTake(${JSON.stringify(op.key)}, ${n}) ${at}: the key's bucket holds ${bucket.tokens.toNumber()}`).toBe(expected === 'yes');
            if (got) bucket.take(n);
          });
        }),
        { numRuns: 200 },
      );
      // Spelled out: 20 000 clients empty their buckets at one instant; none has refilled, so none may be
      // forgotten, however many arrive (a size-capped cache would hand the first ones fresh buckets).
      const clock = new TestClock(0);
      const limiter = new KeyedLimiter({ capacity: 1, refillPerSecond: 0.001, clock: clock.reader });
      const clients = 20_000;
      for (let i = 0; i < clients; i++) {
        if (!limiter.tryTake(`client-${i}`, 1)) expect.fail(`client-${i}'s first request was refused: a new key has a full bucket`);
      }
      for (let i = 0; i < clients; i++) {
        if (limiter.tryTake(`client-${i}`, 1)) expect.fail(`client-${i}'s second request was allowed before any refill, after ${clients} clients arrived: its emptied bucket was forgotten`);
      }
    },
  );

  suite.test(
    {
      points: 5,
      category: 'performance',
      name: 'memory stays bounded: buckets that refilled to full are forgotten as operations go on',
      hint: 'README, task 3: a little eviction work on every operation, not a sweep of everything on some of them.',
    },
    () => {
      const { KeyedLimiter } = suite.impl();
      const clock = new TestClock(0);
      const limiter = new KeyedLimiter({ capacity: 3, refillPerSecond: 1, clock: clock.reader });
      const distinct = 5000;
      for (let i = 0; i < distinct; i++) limiter.tryTake(`client-${i}`, 2);
      // None of these buckets is full yet: forgetting one would give its client 2 free tokens.
      expect(limiter.size, `buckets held right after ${distinct} clients each took 2 of 3 tokens`).toBeGreaterThanOrEqual(distinct);
      clock.t = 10_000; // every bucket is full again
      for (let i = 0; i < 3 * distinct; i++) {
        clock.t += 1;
        limiter.tryTake('hot', 1);
      }
      expect(limiter.size, `buckets held after ${3 * distinct} further requests from one client, once the others had refilled`).toBeLessThanOrEqual(16);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'performance',
      name: 'refilled buckets are forgotten even when the oldest keys stay busy',
      hint: 'README, task 3: the eviction work must move on through the buckets across operations; looking at the first few every time never reaches the ones behind a busy key.',
    },
    () => {
      const { KeyedLimiter } = suite.impl();
      const clock = new TestClock(0);
      const limiter = new KeyedLimiter({ capacity: 3, refillPerSecond: 1, clock: clock.reader });
      const hot = ['hot-0', 'hot-1', 'hot-2'];
      for (const key of hot) limiter.tryTake(key, 3);
      const distinct = 5000;
      for (let i = 0; i < distinct; i++) limiter.tryTake(`client-${i}`, 2);
      // The hot keys, created first, keep asking and never refill to full; every other bucket is full after 2 s.
      for (let i = 0; i < 3 * distinct; i++) {
        clock.t += 1;
        limiter.tryTake(hot[i % hot.length]!, 1);
      }
      expect(limiter.size, `buckets held after ${3 * distinct} requests over ${clock.t / 1000} s from ${hot.length} busy clients created before ${distinct} others, which had refilled`).toBeLessThanOrEqual(16);
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'keys are any strings, including __proto__, constructor and the empty string',
      hint: 'README, task 3: a Map, not a plain object.',
    },
    () => {
      const { KeyedLimiter } = suite.impl();
      const clock = new TestClock(0);
      const limiter = new KeyedLimiter({ capacity: 2, refillPerSecond: 1, clock: clock.reader });
      for (const key of KEYS) {
        expect(limiter.tryTake(key, 2), `the first tryTake(${JSON.stringify(key)}, 2): a new key has a full bucket`).toBe(true);
        expect(limiter.tryTake(key, 1), `tryTake(${JSON.stringify(key)}, 1) right after: its bucket is empty`).toBe(false);
      }
      expect(limiter.timeUntilAvailable('never-seen', 2), 'timeUntilAvailable of a key never used').toBe(0);
      expect(limiter.timeUntilAvailable('__proto__', 1), 'timeUntilAvailable("__proto__", 1) with an empty bucket at 1/s').toBe(1000);
    },
  );
});
