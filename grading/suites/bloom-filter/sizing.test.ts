import fc from 'fast-check';
import { expect } from 'vitest';
import { bloomSuite, expectRangeError, optimalBits } from './support';

const suite = bloomSuite();

/** Keys for the edge of the format: with 10⁹ of them, 2³² − 1 bits is an ordinary rate, about 0.127. */
const EDGE_ITEMS = 1e9;
const MAX_BITS = 2 ** 32 - 1;
/** The largest double below 1: the upper end of the falsePositiveRate range. */
const BELOW_ONE = 1 - 2 ** -53;
/** The smallest normal double: results below it (subnormal) are compared absolutely. */
const SMALLEST_NORMAL = 2 ** -1022;
/** The rate at which n keys need `bits` bits before rounding up: the sizing formula solved for p. */
const rateForBits = (n: number, bits: number): number => Math.exp((-bits * Math.LN2 * Math.LN2) / n);

/** n from the lower end of its range to the upper, with the everyday values most often. */
const nArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: 0.5, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-300, 0.5, 1, 2, Number.MAX_SAFE_INTEGER, 1e300, Number.MAX_VALUE) },
);
/** p from Number.MIN_VALUE to the largest double below 1. */
const pArb = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 1e-9, max: 0.99, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: Number.MIN_VALUE, max: 1e-9, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 0.99, max: 1, maxExcluded: true, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-300, 1e-100, 0.5, 0.9, BELOW_ONE) },
);
const sizingArb = fc.record({ n: nArb, p: pArb });

/**
 * The bits the README's formula gives, as an interval [low, high] that allows
 * for the last-bit differences between two correct ways of evaluating it
 * (10⁻¹² relative): ⌈x⌉ of the quotient x, and at least 1.
 */
function bitsRange(n: number, p: number): { low: number; high: number } {
  const x = optimalBits(n, p);
  return { low: Math.max(1, Math.ceil(x * (1 - 1e-12))), high: Math.max(1, Math.ceil(x * (1 + 1e-12))) };
}

/** The README's rate, evaluated with full precision. */
const rateOf = (bits: number, hashes: number, items: number): number => Math.pow(-Math.expm1((-hashes * items) / bits), hashes);

suite.task(1, () => {
  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'optimalParameters gives exactly ⌈−n·ln p / (ln 2)²⌉ bits, at least 1, and a RangeError naming bits above 2³² − 1',
      hint: 'README, task 1: the natural logarithm (Math.log), not log10 or log2; round up with Math.ceil; and 1 bit at the least.',
      clauses: ['BF-1.1', 'BF-1.7', 'BF-1.8', 'BF-1.11'],
    },
    (t) => {
      const { optimalParameters } = suite.impl();
      const expectOptimalBits = (n: number, p: number): void => {
        const { low, high } = bitsRange(n, p);
        const what = `optimalParameters(${n}, ${p}): the quotient is ${optimalBits(n, p)}`;
        if (low > MAX_BITS) {
          expectRangeError(`${what}, more than 2^32 − 1 bits`, () => optimalParameters(n, p), 'bits');
          return;
        }
        let bits: number;
        try {
          bits = optimalParameters(n, p).bits;
        } catch (error) {
          // On the very edge of the format, the last bit of the quotient decides: a RangeError naming bits is fine.
          if (high > MAX_BITS && error instanceof RangeError && error.message.includes('bits')) return;
          throw error;
        }
        expect(bits, `${what}, so bits should be ${low === high ? low : `${low} or ${high}`}`).toBeGreaterThanOrEqual(low);
        expect(bits, `${what}, so bits should be ${low === high ? low : `${low} or ${high}`}`).toBeLessThanOrEqual(Math.min(high, MAX_BITS));
      };
      t.check(fc.property(sizingArb, ({ n, p }) => expectOptimalBits(n, p)));
      // The largest filter the format holds: exactly 2^32 − 1 bits is not too many.
      expectOptimalBits(EDGE_ITEMS, rateForBits(EDGE_ITEMS, 2 ** 32 - 1.5));
      // The ends of both ranges, and a quotient so small that it rounds to 0 (still 1 bit).
      for (const n of [Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE]) {
        for (const p of [Number.MIN_VALUE, 0.5, 0.9, BELOW_ONE]) expectOptimalBits(n, p);
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'optimalParameters picks hashes = round(bits / n · ln 2) within [1, 255] in a new object each call, and forCapacity uses those parameters',
      hint: 'README, task 1: k = (m / n) · ln 2 minimises the false-positive rate for a given m; clamp it to [1, 255].',
      clauses: ['BF-1.2', 'BF-1.3', 'BF-1.4', 'BF-1.11'],
    },
    (t) => {
      const { optimalParameters, BloomFilter } = suite.impl();
      t.check(
        fc.property(sizingArb, sizingArb, ({ n, p }, other) => {
          const { low, high } = bitsRange(n, p);
          if (low > MAX_BITS) {
            expectRangeError(`BloomFilter.forCapacity(${n}, ${p}) (more than 2^32 − 1 bits)`, () => BloomFilter.forCapacity(n, p), 'bits');
            return;
          }
          if (high > MAX_BITS) return; // on the very edge of the format: the previous test judges it
          const result = optimalParameters(n, p);
          const { bits, hashes } = result;
          // A new object at each call, even for the same arguments: the caller may change the one it got.
          const again = optimalParameters(n, p);
          expect(again !== result, `optimalParameters(${n}, ${p}) called twice returns the same object`).toBe(true);
          try {
            (again as { bits: number }).bits = -1;
          } catch {
            // a frozen result is fine too
          }
          expect(optimalParameters(n, p).bits, `optimalParameters(${n}, ${p}) after the caller changed the object an earlier call returned`).toBe(bits);
          expect(hashes, `hashes for n=${n}, p=${p} with ${bits} bits`).toBe(Math.min(255, Math.max(1, Math.round((bits / n) * Math.LN2))));
          if (bitsRange(other.n, other.p).high <= MAX_BITS) {
            optimalParameters(other.n, other.p);
            expect({ bits: result.bits, hashes: result.hashes }, `optimalParameters(${n}, ${p}) after a call of optimalParameters(${other.n}, ${other.p})`).toEqual({ bits, hashes });
          }
          if (bits <= 1 << 22) {
            const filter = BloomFilter.forCapacity(n, p);
            expect({ bits: filter.bits, hashes: filter.hashes }, `forCapacity(${n}, ${p})`).toEqual({ bits, hashes });
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'expectedFalsePositiveRate is (1 − e^(−k·n/m))^k to within 10⁻⁹, over the whole of every range, and 0 for 0 items',
      hint: 'README, task 1. For small k·n/m, 1 − Math.exp(−x) loses digits; −Math.expm1(−x) does not.',
      clauses: ['BF-1.5', 'BF-1.6', 'BF-1.9', 'BF-1.10'],
    },
    (t) => {
      const { expectedFalsePositiveRate } = suite.impl();
      const expectRate = (bits: number, hashes: number, items: number): void => {
        const actual = expectedFalsePositiveRate(bits, hashes, items);
        const what = `expectedFalsePositiveRate(${bits}, ${hashes}, ${items}) = ${actual}`;
        if (items === 0) {
          expect(actual === 0, `${what}, expected 0 for no items`).toBe(true);
          return;
        }
        const expected = rateOf(bits, hashes, items);
        expect(Math.abs(actual - expected), `${what}, expected ${expected} within a relative error of 1e-9`).toBeLessThanOrEqual(1e-9 * expected + SMALLEST_NORMAL);
      };
      t.check(
        fc.property(
          fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 1, max: 10_000_000 }) },
            { weight: 1, arbitrary: fc.integer({ min: MAX_BITS - 1000, max: MAX_BITS }) },
            { weight: 1, arbitrary: fc.constantFrom(1, MAX_BITS) },
          ),
          fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 250, max: 255 }) }),
          fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) },
            { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
            { weight: 1, arbitrary: fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }) },
            { weight: 1, arbitrary: fc.constantFrom(0, Number.MIN_VALUE, 1e-300, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE) },
          ),
          expectRate,
        ),
        { numRuns: 300 },
      );
      // The edges of the ranges are inside them: 1 and 2^32 − 1 bits, 1 and 255 hashes, no items to Number.MAX_VALUE.
      for (const [bits, hashes, items] of [
        [1, 1, 1],
        [1, 1, 0],
        [MAX_BITS, 255, 0],
        [MAX_BITS, 1, 1],
        [MAX_BITS, 1, 1e9],
        [MAX_BITS, 255, 1],
        [1000, 255, 10],
        [MAX_BITS, 255, 1e7],
        [1, 255, Number.MAX_VALUE],
        [MAX_BITS, 1, Number.MIN_VALUE],
        [MAX_BITS, 3, 0.5],
        [1, 1, Number.MAX_SAFE_INTEGER],
      ] as const) {
        expectRate(bits, hashes, items);
      }
    },
  );

  suite.test(
    {
      points: 5,
      category: 'api',
      name: 'bad sizing arguments get a RangeError that names the argument',
      hint: 'README, task 1: check every argument before using it; NaN fails every comparison, so test for what is valid.',
      clauses: ['BF-0.1', 'BF-0.2', 'BF-1.4', 'BF-1.7', 'BF-1.8', 'BF-1.9', 'BF-1.10', 'BF-1.11'],
    },
    () => {
      const { optimalParameters, expectedFalsePositiveRate, BloomFilter } = suite.impl();
      for (const n of [0, -0, -1, -0.5, -Number.MIN_VALUE, -Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expectRangeError(`optimalParameters(${n}, 0.01)`, () => optimalParameters(n, 0.01), 'expectedItems');
        expectRangeError(`BloomFilter.forCapacity(${n}, 0.01)`, () => BloomFilter.forCapacity(n, 0.01), 'expectedItems');
      }
      for (const p of [0, -0, 1, -0.1, 1.5, 1 + 2 ** -52, -Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expectRangeError(`optimalParameters(1000, ${p})`, () => optimalParameters(1000, p), 'falsePositiveRate');
        expectRangeError(`BloomFilter.forCapacity(1000, ${p})`, () => BloomFilter.forCapacity(1000, p), 'falsePositiveRate');
      }
      expectRangeError('optimalParameters(1e9, 1e-9) (needs more than 2^32 − 1 bits)', () => optimalParameters(1e9, 1e-9), 'bits');
      expectRangeError('BloomFilter.forCapacity(1e9, 1e-9) (needs more than 2^32 − 1 bits)', () => BloomFilter.forCapacity(1e9, 1e-9), 'bits');
      const oneBitTooMany = rateForBits(EDGE_ITEMS, 2 ** 32 - 0.5);
      expectRangeError(`optimalParameters(${EDGE_ITEMS}, ${oneBitTooMany}) (needs 2^32 bits, one too many)`, () => optimalParameters(EDGE_ITEMS, oneBitTooMany), 'bits');
      expectRangeError(`optimalParameters(${Number.MAX_VALUE}, 0.5) (needs Infinity bits)`, () => optimalParameters(Number.MAX_VALUE, 0.5), 'bits');
      expectRangeError(`optimalParameters(1e300, ${BELOW_ONE}) (needs about 2.3e284 bits)`, () => optimalParameters(1e300, BELOW_ONE), 'bits');
      for (const bits of [0, -0, -8, 1.5, 2 ** 32, 2 ** 32 - 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expectRangeError(`expectedFalsePositiveRate(${bits}, 3, 10)`, () => expectedFalsePositiveRate(bits, 3, 10), 'bits');
      }
      for (const hashes of [0, -0, -1, 2.5, 255.5, 256, Number.NaN, Number.POSITIVE_INFINITY]) {
        expectRangeError(`expectedFalsePositiveRate(1000, ${hashes}, 10)`, () => expectedFalsePositiveRate(1000, hashes, 10), 'hashes');
      }
      for (const items of [-1, -Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expectRangeError(`expectedFalsePositiveRate(1000, 3, ${items})`, () => expectedFalsePositiveRate(1000, 3, items), 'items');
      }
    },
  );
});
