/**
 * Task 4: jump consistent hash. Published values first (ClickHouse's and
 * Microsoft's test suites, both running the paper's C++ loop), then the whole
 * 64-bit key range and the whole bucket range against oracleJump (support.ts).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { bucketsArb, chiSquare, expectRangeError, jumpSuite, key64Arb, oracleJump } from './support';

const suite = jumpSuite();

const MAX_KEY = (1n << 64n) - 1n;
const MAX_BUCKETS = 2 ** 31 - 1;

/**
 * [key, buckets, bucket]. The first six are ClickHouse's
 * (tests/queries/0_stateless/00580_consistent_hashing_functions), the next
 * three Microsoft's (JumpConsistentHash tests, keys 10863919174838991 …);
 * the rest were computed with the paper's C++ (arXiv:1406.2294, figure 1),
 * compiled with g++ 12, at both ends of both ranges.
 */
const PUBLISHED: readonly (readonly [bigint, number, number])[] = [
  [1n, 1, 0],
  [42n, 57, 43],
  [256n, 1024, 520],
  [3735883980n, 1, 0],
  [3735883980n, 666, 361],
  [16045690984833335023n, 255, 237],
  [10863919174838991n, 11, 6],
  [2016238256797177309n, 11, 3],
  [1673758223894951030n, 11, 5],
  [0n, 2147483647, 0],
  [1n, 2147483647, 262355607],
  [42n, 2147483647, 1603940301],
  [18446744073709551615n, 11, 10],
  [18446744073709551615n, 65536, 18311],
  [18446744073709551615n, 2147483647, 699554662],
  [9223372036854775808n, 65536, 53854],
  [9223372036854775808n, 2147483647, 1119800965],
  [9007199254740993n, 1024, 446],
  [9007199254740993n, 2147483647, 1663717268],
  [16045690984833335023n, 2147483647, 1818290902],
  [2016238256797177309n, 65536, 39755],
];

suite.task(4, () => {
  suite.test(
    {
      points: 10,
      category: 'correctness',
      name: 'jumpHash gives the paper’s bucket for published values and for keys across the whole 64-bit range',
      hint: 'README, CH-4.1: run the generator in bigint, reduced mod 2⁶⁴ after every step (BigInt.asUintN(64, …)); only (key >> 33) + 1, below 2³¹ + 1, becomes a number. A number cannot hold key × 2862933555777941757 exactly.',
      clauses: ['CH-4.1'],
    },
    (t) => {
      const { jumpHash } = suite.impl();
      for (const [key, buckets, bucket] of PUBLISHED) expect(jumpHash(key, buckets), `jumpHash(${key}n, ${buckets})`).toBe(bucket);
      t.check(
        fc.property(key64Arb, bucketsArb, (key, buckets) => {
          expect(jumpHash(key, buckets), `jumpHash(${key}n, ${buckets})`).toBe(oracleJump(key, buckets));
        }),
        { numRuns: 1000 },
      );
    },
  );

  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'growing from n to n + 1 buckets, a key stays or moves to bucket n, and about 1 key in n + 1 moves',
      hint: 'README, task 4: the loop visits the same buckets for n and n + 1 up to the last jump; the only new place a key can land is bucket n. If keys move elsewhere, the generator or the loop’s exit test is off.',
      clauses: ['CH-4.1', 'CH-4.2'],
    },
    (t) => {
      const { jumpHash } = suite.impl();
      t.check(
        fc.property(key64Arb, fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: MAX_BUCKETS - 1 })), (key, n) => {
          const before = jumpHash(key, n);
          const after = jumpHash(key, n + 1);
          if (after !== before) expect(after, `jumpHash(${key}n, ${n + 1}) when jumpHash(${key}n, ${n}) = ${before}`).toBe(n);
        }),
        { numRuns: 500 },
      );
      // On 20 000 fixed keys, the share that moves from n to n + 1 buckets is 1 / (n + 1) within 4 standard deviations.
      const keys = Array.from({ length: 20_000 }, (_, i) => BigInt.asUintN(64, BigInt(i + 1) * 0x9e3779b97f4a7c15n));
      for (const n of [1, 2, 9, 99]) {
        const moved = keys.filter((k) => jumpHash(k, n) !== jumpHash(k, n + 1)).length;
        const p = 1 / (n + 1);
        const sd = Math.sqrt(keys.length * p * (1 - p));
        expect(Math.abs(moved - keys.length * p), `keys of 20 000 that moved from ${n} to ${n + 1} buckets: ${moved}, expected about ${Math.round(keys.length * p)}`).toBeLessThan(4 * sd);
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'jumpHash is an integer in [0, buckets), and spreads keys evenly over them',
      hint: 'README, CH-4.2: the loop returns the last bucket b it visited before j reached buckets, never j itself, and never −1 unless it did not loop at all (which it must, at least once).',
      clauses: ['CH-4.2'],
    },
    (t) => {
      const { jumpHash } = suite.impl();
      t.check(
        fc.property(key64Arb, bucketsArb, (key, buckets) => {
          const bucket = jumpHash(key, buckets);
          expect(Number.isInteger(bucket) && bucket >= 0 && bucket < buckets, `jumpHash(${key}n, ${buckets}) = ${bucket}, outside [0, ${buckets})`).toBe(true);
        }),
        { numRuns: 500 },
      );
      for (const key of [0n, 1n, MAX_KEY]) expect(jumpHash(key, 1), `jumpHash(${key}n, 1)`).toBe(0);
      // χ² over 10 buckets (9 degrees of freedom; 27.88 is the 0.1 % critical value) on 20 000 fixed keys.
      const counts = new Array<number>(10).fill(0);
      for (let i = 0; i < 20_000; i++) counts[jumpHash(BigInt(i), 10)]!++;
      expect(chiSquare(counts, new Array<number>(10).fill(1)), `χ² of keys 0 … 19 999 over 10 buckets (${counts.join(', ')})`).toBeLessThan(27.88);
    },
  );

  suite.test(
    {
      points: 5,
      category: 'api',
      name: 'jumpHash rejects a key outside [0, 2⁶⁴ − 1] and buckets outside [1, 2³¹ − 1] with a RangeError naming the argument, and accepts both ends',
      hint: 'README, CH-4.3: check the key is a bigint from 0n to 2⁶⁴ − 1 and buckets an integer from 1 to 2³¹ − 1 before the loop; a key of 2⁶⁴ silently reduced mod 2⁶⁴ is a wrong answer, not an error.',
      clauses: ['CH-0.1', 'CH-0.2', 'CH-4.3'],
    },
    () => {
      const { jumpHash } = suite.impl();
      for (const key of [-1n, -(1n << 63n), 1n << 64n, (1n << 64n) + 1n, 1n << 70n]) {
        expectRangeError(`jumpHash(${key}n, 10)`, () => jumpHash(key, 10), 'key');
      }
      for (const buckets of [0, -1, 2 ** 31, 2 ** 32, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expectRangeError(`jumpHash(42n, ${buckets})`, () => jumpHash(42n, buckets), 'buckets');
      }
      // A key given as a number is not in the type, but a JavaScript caller can pass one: it is no bigint.
      expectRangeError('jumpHash(42, 10) with a number key', () => jumpHash(42 as unknown as bigint, 10), 'key');
      for (const [key, buckets] of [[0n, 1], [MAX_KEY, 1], [0n, MAX_BUCKETS], [MAX_KEY, MAX_BUCKETS]] as const) {
        expect(jumpHash(key, buckets), `jumpHash(${key}n, ${buckets})`).toBe(oracleJump(key, buckets));
      }
    },
  );
});
