import fc from 'fast-check';
import { expect } from 'vitest';
import { codePointString } from '../../../harness/suite';
import { ModelBucket, bandOf, Q } from './model';
import { TestClock, configArb, expectRangeError, forwardArb, limiterSuite, shareArb, shiftyOptions, sizeOf } from './support';

const suite = limiterSuite();

/**
 * Keys a client-facing limiter meets: ordinary ones, the ones that break plain
 * objects, lone surrogates (which UTF-8 encodes alike, as U+FFFD) beside U+FFFD
 * itself, and é composed and decomposed (which normalisation would merge).
 */
const KEYS = ['alice', 'bob', 'carol', '', 'anonymous', 'default', 'undefined', 'null', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '🔑', 'user:42', '\ud800', '\udc00', '\ufffd', '\u00e9', 'e\u0301'];

/** Any string: any code point, and lone surrogates. (codePointString: the strings of fast-check's 'binary' unit, without its 0.9 s set-up.) */
const anyStringArb = fc.string({ unit: fc.oneof(codePointString({ minLength: 1, maxLength: 1 }), fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff')), maxLength: 3 });

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
      points: 8,
      category: 'correctness',
      name: 'a keyed limiter answers exactly like one independent bucket per key, however it forgets',
      clauses: ['TB-3.1', 'TB-3.2', 'TB-3.6', 'TB-3.8'],
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
      points: 4,
      category: 'performance',
      name: 'memory stays bounded: buckets that refilled to full are forgotten as operations go on',
      clauses: ['TB-3.9', 'TB-3.6', 'TB-3.7'],
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
      clauses: ['TB-3.9'],
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
      points: 4,
      category: 'correctness',
      name: 'keys are any strings, including __proto__, constructor, the empty string and lone surrogates',
      clauses: ['TB-3.5', 'TB-3.2'],
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

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'the whole limiter API matches one model bucket per key, whatever the caller does with its options, and size only looks',
      clauses: ['TB-3.1', 'TB-3.2', 'TB-3.3', 'TB-3.4', 'TB-3.5', 'TB-3.6', 'TB-3.7', 'TB-3.9'],
      hint: 'README, task 3: copy what you need from the options when the limiter is made; size is a number you read, not an operation; and a Map takes any string as it is.',
    },
    (t) => {
      const { KeyedLimiter } = suite.impl();
      const reader = new TestClock(0).reader;
      for (const capacity of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expectRangeError(`new KeyedLimiter({ capacity: ${capacity} })`, () => new KeyedLimiter({ capacity, refillPerSecond: 1, clock: reader }), 'capacity');
      }
      for (const refillPerSecond of [0, -0.5, Number.NaN, Number.NEGATIVE_INFINITY]) {
        expectRangeError(`new KeyedLimiter({ refillPerSecond: ${refillPerSecond} })`, () => new KeyedLimiter({ capacity: 1, refillPerSecond, clock: reader }), 'refillPerSecond');
      }
      // Spelled out: 100 buckets that have all refilled to full may be forgotten, but not by reading size.
      const clock0 = new TestClock(0);
      const limiter0 = new KeyedLimiter({ capacity: 2, refillPerSecond: 1, clock: clock0.reader });
      for (let i = 0; i < 100; i++) limiter0.tryTake(`client-${i}`, 1);
      clock0.t = 5000;
      const sizes = [limiter0.size, limiter0.size, limiter0.size];
      expect(sizes, 'size read three times in a row, with 100 buckets that have refilled to full').toEqual([sizes[0], sizes[0], sizes[0]]);
      // Once an operation has read the clock at 5 000, reading size still forgets nothing.
      expect(limiter0.timeUntilAvailable('someone-else'), 'timeUntilAvailable of a key never used').toBe(0);
      const after = [limiter0.size, limiter0.size, limiter0.size];
      expect(after, 'size read three times in a row after an operation at 5 000').toEqual([after[0], after[0], after[0]]);
      // A bad n is a RangeError that makes no bucket for its key (a sweep it ran may still have forgotten full ones).
      for (const [method, n] of [['tryTake', 0], ['tryTake', 3], ['timeUntilAvailable', Number.NaN]] as const) {
        const before = limiter0.size;
        expectRangeError(`${method}("brand-new", ${n})`, () => limiter0[method]('brand-new', n), 'n');
        expect(limiter0.size, `size after ${method}("brand-new", ${n}) threw, with ${before} buckets before`).toBeLessThanOrEqual(before);
      }
      // Both methods are operations: a stream of timeUntilAvailable calls alone forgets the full buckets too (TB-3.9).
      for (let i = 0; i < 1000; i++) limiter0.timeUntilAvailable(`asker-${i % 7}`);
      expect(limiter0.size, 'buckets held after 1 000 timeUntilAvailable calls, with 100 buckets full since 5 000').toBeLessThan(after[0]!);
      // The options object, clock included, is read when the limiter is made: replacing its clock later changes nothing.
      const options = { capacity: 2, refillPerSecond: 1, clock: new TestClock(0).reader };
      const pinned = new KeyedLimiter(options);
      expect(pinned.tryTake('k', 2), 'tryTake("k", 2) on a new limiter').toBe(true);
      options.clock = new TestClock(1e9).reader;
      expect(pinned.tryTake('k', 1), 'tryTake("k", 1) after the caller put another clock, a billion ms later, in its options object').toBe(false);
      options.capacity = 100;
      options.refillPerSecond = 1e6;
      expect(pinned.tryTake('later', 2), 'tryTake("later", 2): a key first used after the caller changed its options object').toBe(true);
      expect(pinned.tryTake('later', 1), 'tryTake("later", 1) right after: its bucket was made with capacity 2, as the limiter was').toBe(false);
      type ApiOp =
        | { kind: 'advance'; ms: number }
        | { kind: 'take' | 'wait'; key: string; share: number | 'default' }
        | { kind: 'bad'; key: string; method: 'tryTake' | 'timeUntilAvailable'; n: number }
        | { kind: 'size' };
      const keyArbAny = fc.oneof(fc.constantFrom(...KEYS), anyStringArb);
      const apiOpArb: fc.Arbitrary<ApiOp> = fc.oneof(
        { weight: 2, arbitrary: forwardArb.map((ms): ApiOp => ({ kind: 'advance', ms })) },
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('take' as const), key: keyArbAny, share: fc.oneof({ weight: 4, arbitrary: shareArb }, fc.constant('default' as const)) }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), key: keyArbAny, share: fc.oneof({ weight: 4, arbitrary: shareArb }, fc.constant('default' as const)) }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('bad' as const), key: keyArbAny, method: fc.constantFrom('tryTake' as const, 'timeUntilAvailable' as const), n: fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e6) }) },
        { weight: 1, arbitrary: fc.constant<ApiOp>({ kind: 'size' }) },
      );
      class MethodClock {
        constructor(public t: number) {}
        now(): number {
          return this.t;
        }
      }
      t.check(
        fc.property(configArb, fc.boolean(), fc.array(apiOpArb, { maxLength: 120 }), (config, changeOptions, ops) => {
          const { capacity, refillPerSecond, start } = config;
          const clock = new MethodClock(start);
          const options: { capacity: number; refillPerSecond: number; clock: { now(): number } } = { capacity, refillPerSecond, clock };
          const limiter = new KeyedLimiter(options);
          if (changeOptions) {
            options.capacity = capacity * 2;
            options.refillPerSecond = refillPerSecond * 2;
            options.clock = Object.freeze({ now: () => start + 3_600_000 });
          }
          const models = new Map<string, ModelBucket>();
          const used = new Set<string>();
          const model = (key: string) => {
            let bucket = models.get(key);
            if (!bucket) models.set(key, (bucket = new ModelBucket(capacity, refillPerSecond, clock.t)));
            bucket.refill(clock.t);
            return bucket;
          };
          ops.forEach((op, i) => {
            const at = `at op ${i} (clock ${clock.t}, capacity ${capacity}, ${refillPerSecond}/s${changeOptions ? ', the caller changed its options object after construction' : ''})`;
            switch (op.kind) {
              case 'advance':
                clock.t += op.ms;
                return;
              case 'size': {
                const size = limiter.size;
                expect(limiter.size, `size read twice in a row ${at}`).toBe(size);
                expect(Number.isInteger(size) && size >= 0 && size <= used.size, `size ${at}: got ${size}, with ${used.size} keys used`).toBe(true);
                let notFull = 0;
                for (const bucket of models.values()) {
                  bucket.refill(clock.t);
                  if (bucket.tokens.add(Q.of(bandOf(capacity))).cmp(bucket.capacity) < 0) notFull++;
                }
                expect(size, `size ${at}: ${notFull} keys' buckets are not full, and only a full bucket may be forgotten`).toBeGreaterThanOrEqual(notFull);
                return;
              }
              case 'bad':
                used.add(op.key); // a refused call may still have made the key's (full) bucket
                expectRangeError(`${op.method}(${JSON.stringify(op.key)}, ${op.n}) with capacity ${capacity}`, () => limiter[op.method](op.key, op.n), 'n');
                return;
              default:
                break;
            }
            used.add(op.key);
            const n = op.share === 'default' ? 1 : sizeOf(op.share, capacity);
            const call = `${op.kind === 'take' ? 'tryTake' : 'timeUntilAvailable'}(${JSON.stringify(op.key)}${op.share === 'default' ? '' : `, ${n}`})`;
            if (n > capacity) {
              expectRangeError(`${call} with capacity ${capacity}: the default n is 1`, () => (op.kind === 'take' ? limiter.tryTake(op.key) : limiter.timeUntilAvailable(op.key)), 'n');
              return;
            }
            const bucket = model(op.key);
            if (op.kind === 'wait') {
              const wait = op.share === 'default' ? limiter.timeUntilAvailable(op.key) : limiter.timeUntilAvailable(op.key, n);
              expect(bucket.acceptsWait(n, wait), `${call} ${at}: got ${wait} ms, the key's bucket holds ${bucket.tokens.toNumber()}`).toBe(true);
              return;
            }
            const expected = bucket.decide(n);
            const got = op.share === 'default' ? limiter.tryTake(op.key) : limiter.tryTake(op.key, n);
            if (expected !== 'either') expect(got, `${call} ${at}: the key's bucket holds ${bucket.tokens.toNumber()}`).toBe(expected === 'yes');
            if (got) bucket.take(n);
          });
        }),
        { numRuns: 100 },
      );
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a bucket is never forgotten before it is full: not when nearly full, not when idle for long',
      clauses: ['TB-3.6'],
      hint: 'README, task 3: full means available() >= capacity, nothing less; a bucket idle for a while may still be refilling.',
    },
    () => {
      const { KeyedLimiter } = suite.impl();
      const clock = new TestClock(0);
      const limiter = new KeyedLimiter({ capacity: 3, refillPerSecond: 1, clock: clock.reader });
      // 'nearly' is 0.001 short of full (1 ms of refill); 5 000 other clients arrive while the clock stands still.
      expect(limiter.tryTake('nearly', 0.001), 'the first tryTake("nearly", 0.001)').toBe(true);
      for (let i = 0; i < 5000; i++) limiter.tryTake(`other-${i}`, 1);
      expect(limiter.size, 'buckets held: "nearly" and 5 000 others, none of them full').toBeGreaterThanOrEqual(5001);
      expect(limiter.tryTake('nearly', 3), 'tryTake("nearly", 3) with 2.999 tokens, after 5 000 other operations: its bucket was forgotten before it was full').toBe(false);
      // A big capacity: 5·10⁵ tokens short of 10¹⁵ is a tiny fraction of it, but 500 times the band (10¹⁵ × 10⁻¹²): not full.
      const big = new KeyedLimiter({ capacity: 1e15, refillPerSecond: 1, clock: clock.reader });
      expect(big.tryTake('big', 5e5), 'the first tryTake("big", 5e5) at capacity 1e15').toBe(true);
      for (let i = 0; i < 5000; i++) big.tryTake(`other-${i}`, 1);
      expect(big.tryTake('big', 1e15), 'tryTake("big", 1e15) with 1e15 − 5e5 tokens, after 5 000 other operations: its bucket was forgotten before it was full').toBe(false);
      // A fractional capacity: 2.1 of 2.5 tokens is not full, even counted in whole tokens.
      const fractional = new KeyedLimiter({ capacity: 2.5, refillPerSecond: 1, clock: clock.reader });
      expect(fractional.tryTake('part', 0.4), 'the first tryTake("part", 0.4) at capacity 2.5').toBe(true);
      for (let i = 0; i < 5000; i++) fractional.tryTake(`other-${i}`, 1);
      expect(fractional.tryTake('part', 2.5), 'tryTake("part", 2.5) with 2.1 tokens of 2.5, after 5 000 other operations: its bucket was forgotten before it was full').toBe(false);
      // 'idle' is emptied, then left alone for 1.5 s (of the 3 s it needs) while 12 000 operations go on.
      expect(limiter.tryTake('idle', 3), 'the first tryTake("idle", 3)').toBe(true);
      for (let i = 0; i < 12_000; i++) {
        clock.t += 0.125;
        limiter.tryTake(`hot-${i % 3}`, 0.001);
      }
      expect(limiter.tryTake('idle', 2), 'tryTake("idle", 2) with 1.5 tokens, after 1.5 s idle: its bucket was forgotten before it was full').toBe(false);
      const idle = new ModelBucket(3, 1, 0);
      idle.take(3);
      idle.refill(clock.t);
      const wait = limiter.timeUntilAvailable('idle', 3);
      expect(idle.acceptsWait(3, wait), `timeUntilAvailable("idle", 3) with 1.5 tokens at 1 per second: got ${wait}, expected 1 500 (1 501 on the boundary)`).toBe(true);
    },
  );

  suite.test(
    {
      points: 1,
      category: 'api',
      name: 'the limiter reads each field of its options once, when it is made: the value it checks is the value its buckets get',
      clauses: ['TB-3.4'],
      hint: 'README, task 3 (TB-3.4): a field of the options may be a getter that answers differently each time it is read. Read each field once, in the constructor, and give every bucket those values.',
    },
    () => {
      const { KeyedLimiter } = suite.impl();
      // Options read through getters that answer differently after their first read: the limiter reads each field once, when it is made.
      const shiftyClock = new TestClock(0);
      const { options: shifty, reads } = shiftyOptions(2, 1, shiftyClock.reader);
      const once = new KeyedLimiter(shifty);
      expect([once.tryTake('a', 2), once.tryTake('b', 2), once.tryTake('a', 1)], 'tryTake("a", 2), tryTake("b", 2), tryTake("a", 1) on a limiter made from options whose getters answer 2 and 1 on their first read only').toEqual([true, true, false]);
      shiftyClock.t = 1500;
      const waitA = once.timeUntilAvailable('a', 2);
      expect(waitA >= 500 && waitA <= 501, `timeUntilAvailable("a", 2) with 1.5 tokens at 1 per second: got ${waitA}, expected 500 (501 on the boundary)`).toBe(true);
      expect([once.tryTake('b', 1), once.tryTake('b', 1)], 'tryTake("b", 1) twice, with 1.5 tokens').toEqual([true, false]);
      expect(reads, 'reads of each field of the options object, after construction and six calls on two keys').toEqual({ capacity: 1, refillPerSecond: 1, clock: 1 });
    },
  );
});
