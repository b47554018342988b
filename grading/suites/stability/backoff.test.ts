/**
 * Task 1: backoffMs against the model's formulas, for attempts from 1 to
 * Number.MAX_SAFE_INTEGER (past 2^31, 2^32 and 1 024, where shifts wrap and
 * powers overflow), options from Number.MIN_VALUE to Number.MAX_VALUE, draws
 * at 0 and just below 1, and every bad argument the types allow.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectRangeError } from '../../../harness/suite/expect-error';
import { closeEnough, modelDelay, type BackoffSettings, type JitterKind } from './model';
import { ScriptedRandom, backoffSuite } from './support';

const suite = backoffSuite();

const JITTERS: readonly JitterKind[] = ['none', 'full', 'equal', 'decorrelated'];
/** Just below 1: the largest number next() may return. */
const ALMOST_ONE = 1 - 2 ** -53;

const attemptArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(31, 32, 33, 53, 54, 64, 65, 1023, 1024, 1025, 1026, 2 ** 31, 2 ** 32, 2 ** 53 - 1) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) },
);
const drawArb = fc.oneof({ weight: 3, arbitrary: fc.double({ min: 0, max: ALMOST_ONE, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, 0.5, ALMOST_ONE) });

/** Options in range, ends included: base from Number.MIN_VALUE to Number.MAX_VALUE, cap from base to Number.MAX_VALUE. */
const optionsArb: fc.Arbitrary<BackoffSettings> = fc
  .record({
    baseMs: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(1, 10, 100, 250, 1000) },
      { weight: 1, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-9, 0.5, 1e300, Number.MAX_VALUE / 3, Number.MAX_VALUE) },
      { weight: 1, arbitrary: fc.double({ min: 1e-6, max: 1e6, noNaN: true }) },
    ),
    capFactor: fc.oneof(fc.constantFrom(1, 2, 10, 1000, Infinity), fc.double({ min: 1, max: 1e9, noNaN: true })),
    jitter: fc.constantFrom(...JITTERS),
  })
  .map(({ baseMs, capFactor, jitter }) => ({ baseMs, capMs: capFactor === Infinity ? Number.MAX_VALUE : Math.min(Number.MAX_VALUE, baseMs * capFactor), jitter }));

/** A previous delay in [base, cap], ends included, or none. */
const previousArb = (o: BackoffSettings): fc.Arbitrary<number | undefined> =>
  fc.oneof(fc.constant(undefined), fc.constant(o.baseMs), fc.constant(o.capMs), fc.double({ min: 0, max: 1, noNaN: true }).map((f) => Math.min(o.capMs, o.baseMs + f * (o.capMs - o.baseMs))));

const show = (o: BackoffSettings): string => `{ baseMs: ${o.baseMs}, capMs: ${o.capMs}, jitter: '${o.jitter}' }`;

suite.task(1, () => {
  suite.test(
    {
      points: 10,
      category: 'correctness',
      name: 'backoff delays are exactly the formulas of task 1 for every attempt, option and draw',
      hint: 'README, task 1: ceiling = min(capMs, baseMs × 2^(attempt − 1)) as real numbers; u is one random.next().',
      clauses: ['SP-1.1', 'SP-1.2', 'SP-1.3', 'SP-1.4', 'SP-1.5', 'SP-1.6', 'SP-0.3'],
    },
    (t) => {
      const { backoffMs } = suite.impl();
      t.check(
        fc.property(
          optionsArb.chain((o) => fc.tuple(fc.constant(o), attemptArb, drawArb, previousArb(o))),
          ([o, attempt, u, previousMs]) => {
            const random = new ScriptedRandom([u]);
            const got = backoffMs(attempt, { ...o }, random, previousMs);
            const exact = modelDelay(attempt, o, u, previousMs);
            const call = `backoffMs(${attempt}, ${show(o)}, random → ${u}${previousMs === undefined ? '' : `, ${previousMs}`})`;
            expect(random.taken, `${call} read random.next() ${random.taken} times`).toBe(o.jitter === 'none' ? 0 : 1);
            expect(Number.isFinite(got) && got >= 0, `${call} = ${got}: a delay is a finite number ≥ 0`).toBe(true);
            expect(closeEnough(got, exact), `${call} = ${got}, but the formula gives ${exact}`).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'backoff never overflows: no negative, zero-past-the-first, infinite or NaN delay up to attempt Number.MAX_SAFE_INTEGER',
      hint: 'README, task 1: 1 << n wraps at 31; 2 ** n is Infinity past 1 023, and Infinity − Infinity or 0 × Infinity is NaN.',
      clauses: ['SP-1.5', 'SP-1.1', 'SP-1.4'],
    },
    () => {
      const { backoffMs } = suite.impl();
      const attempts = [1, 2, 30, 31, 32, 33, 34, 63, 64, 65, 1023, 1024, 1025, 1100, 2 ** 31, 2 ** 32 + 1, 2 ** 53 - 1];
      const settings: BackoffSettings[] = [];
      for (const jitter of JITTERS) {
        settings.push({ baseMs: 100, capMs: 30_000, jitter }, { baseMs: 1, capMs: Number.MAX_VALUE, jitter }, { baseMs: Number.MAX_VALUE, capMs: Number.MAX_VALUE, jitter });
        settings.push({ baseMs: 1e300, capMs: Number.MAX_VALUE, jitter }, { baseMs: Number.MIN_VALUE, capMs: 1, jitter });
      }
      for (const o of settings) {
        for (const attempt of attempts) {
          for (const u of [0, 1e-300, 0.2, 0.5, ALMOST_ONE]) {
            for (const previousMs of o.jitter === 'decorrelated' ? [undefined, o.baseMs, o.capMs] : [undefined]) {
              const got = backoffMs(attempt, { ...o }, new ScriptedRandom([u]), previousMs);
              const exact = modelDelay(attempt, o, u, previousMs);
              const call = `backoffMs(${attempt}, ${show(o)}, random → ${u}${previousMs === undefined ? '' : `, ${previousMs}`})`;
              expect(Number.isFinite(got) && got >= 0, `${call} = ${got}: a delay is a finite number ≥ 0, whatever the attempt`).toBe(true);
              expect(closeEnough(got, exact), `${call} = ${got}, but the formula gives ${exact}`).toBe(true);
            }
          }
        }
      }
    },
  );

  suite.test(
    {
      points: 5,
      category: 'api',
      name: 'backoff refuses each argument out of range with a RangeError naming it, reading nothing from random, and accepts both ends',
      hint: 'README, task 1, SP-1.7: check every argument before you draw.',
      clauses: ['SP-1.7', 'SP-0.1', 'SP-1.4'],
    },
    () => {
      const { backoffMs } = suite.impl();
      const good: BackoffSettings = { baseMs: 100, capMs: 1000, jitter: 'decorrelated' };
      const refuse = (what: string, name: string, call: (random: ScriptedRandom) => unknown): void => {
        const random = new ScriptedRandom([0.5]);
        expectRangeError(what, () => call(random), name);
        expect(random.taken, `${what} read random.next() before refusing`).toBe(0);
      };
      for (const attempt of [0, -1, 1.5, 0.999, Number.NaN, Infinity, -Infinity]) {
        refuse(`backoffMs(${attempt}, …)`, 'attempt', (r) => backoffMs(attempt, good, r));
      }
      for (const baseMs of [0, -0, -1, Number.NaN, Infinity, -Infinity]) {
        refuse(`backoffMs(1, { baseMs: ${baseMs}, … })`, 'baseMs', (r) => backoffMs(1, { ...good, baseMs }, r));
      }
      for (const capMs of [99.99, 0, -1, Number.NaN, Infinity]) {
        refuse(`backoffMs(1, { baseMs: 100, capMs: ${capMs} })`, 'capMs', (r) => backoffMs(1, { ...good, capMs }, r));
      }
      for (const jitter of ['random', 'Full', '', 'exponential', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        refuse(`backoffMs(1, { jitter: '${jitter}' })`, 'jitter', (r) => backoffMs(1, { ...good, jitter: jitter as JitterKind }, r));
      }
      for (const previousMs of [99.99, 1000.001, 0, -1, Number.NaN, Infinity]) {
        refuse(`backoffMs(2, decorrelated, previousMs ${previousMs})`, 'previousMs', (r) => backoffMs(2, good, r, previousMs));
      }
      // Both ends of every range are accepted, and a previousMs out of range means nothing to the other kinds.
      const accepted: [string, () => number][] = [
        ['attempt Number.MAX_SAFE_INTEGER', () => backoffMs(Number.MAX_SAFE_INTEGER, good, new ScriptedRandom())],
        ['attempt 2^53, an integer past Number.MAX_SAFE_INTEGER', () => backoffMs(2 ** 53, good, new ScriptedRandom())],
        ['attempt 1e300, an integer', () => backoffMs(1e300, { ...good, jitter: 'none' }, new ScriptedRandom())],
        ['baseMs Number.MIN_VALUE', () => backoffMs(1, { baseMs: Number.MIN_VALUE, capMs: Number.MIN_VALUE, jitter: 'full' }, new ScriptedRandom())],
        ['capMs equal to baseMs', () => backoffMs(3, { baseMs: 100, capMs: 100, jitter: 'decorrelated' }, new ScriptedRandom(), 100)],
        ['capMs Number.MAX_VALUE', () => backoffMs(3, { baseMs: 100, capMs: Number.MAX_VALUE, jitter: 'equal' }, new ScriptedRandom())],
        ['previousMs at baseMs', () => backoffMs(2, good, new ScriptedRandom(), 100)],
        ['previousMs at capMs', () => backoffMs(2, good, new ScriptedRandom(), 1000)],
        ['previousMs out of range with full jitter', () => backoffMs(2, { ...good, jitter: 'full' }, new ScriptedRandom(), 5)],
        ['previousMs NaN without jitter', () => backoffMs(2, { ...good, jitter: 'none' }, new ScriptedRandom(), Number.NaN)],
      ];
      for (const [what, call] of accepted) {
        let got: number | undefined;
        expect(() => (got = call()), `${what} is in range`).not.toThrow();
        expect(Number.isFinite(got), `${what}: a delay is finite`).toBe(true);
      }
    },
  );
});
