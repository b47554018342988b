import fc from 'fast-check';
import { expect } from 'vitest';
import { bloomSuite, expectRangeError, optimalBits } from './support';

const suite = bloomSuite();

/** Keys for the edge of the format: with 10⁹ of them, 2³² − 1 bits is an ordinary rate, about 0.127. */
const EDGE_ITEMS = 1e9;
/** The rate at which n keys need `bits` bits before rounding up: the sizing formula solved for p. */
const rateForBits = (n: number, bits: number): number => Math.exp((-bits * Math.LN2 * Math.LN2) / n);

const sizingArb = fc.record({
  n: fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0.5, max: 1e6, noNaN: true })),
  p: fc.double({ min: 1e-9, max: 0.99, noNaN: true }),
});

suite.task(1, () => {
  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'optimalParameters gives ⌈−n·ln p / (ln 2)²⌉ bits, within 1 %',
      hint: 'README, task 1: the natural logarithm (Math.log), not log10 or log2.',
    },
    (t) => {
      const { optimalParameters } = suite.impl();
      const expectOptimalBits = (n: number, p: number): void => {
        const optimum = optimalBits(n, p);
        const { bits } = optimalParameters(n, p);
        expect(Math.abs(bits - Math.ceil(optimum)), `bits for n=${n}, p=${p}: optimum ${optimum}`).toBeLessThanOrEqual(Math.max(1, 0.01 * optimum));
      };
      t.check(fc.property(sizingArb, ({ n, p }) => expectOptimalBits(n, p)));
      // The largest filter the format holds: exactly 2^32 − 1 bits is not too many.
      expectOptimalBits(EDGE_ITEMS, rateForBits(EDGE_ITEMS, 2 ** 32 - 1.5));
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'optimalParameters picks hashes = round(bits / n · ln 2), and forCapacity uses those parameters',
      hint: 'README, task 1: k = (m / n) · ln 2 minimises the false-positive rate for a given m.',
    },
    (t) => {
      const { optimalParameters, BloomFilter } = suite.impl();
      t.check(
        fc.property(sizingArb, ({ n, p }) => {
          const { bits, hashes } = optimalParameters(n, p);
          expect(hashes, `hashes for n=${n}, p=${p} with ${bits} bits`).toBe(Math.min(255, Math.max(1, Math.round((bits / n) * Math.LN2))));
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
      name: 'expectedFalsePositiveRate is (1 − e^(−k·n/m))^k',
      hint: 'README, task 1. For small k·n/m, 1 − Math.exp(−x) loses digits; −Math.expm1(−x) does not.',
    },
    (t) => {
      const { expectedFalsePositiveRate } = suite.impl();
      t.check(
        fc.property(
          fc.integer({ min: 1, max: 10_000_000 }),
          fc.integer({ min: 1, max: 30 }),
          fc.integer({ min: 0, max: 1_000_000 }),
          (bits, hashes, items) => {
            const expected = Math.pow(-Math.expm1((-hashes * items) / bits), hashes);
            const actual = expectedFalsePositiveRate(bits, hashes, items);
            if (items === 0) {
              expect(actual, `expectedFalsePositiveRate(${bits}, ${hashes}, 0)`).toBe(0);
            } else {
              expect(Math.abs(actual - expected) / expected, `expectedFalsePositiveRate(${bits}, ${hashes}, ${items}) = ${actual}, expected ${expected}`).toBeLessThanOrEqual(1e-6);
            }
          },
        ),
        { numRuns: 300 },
      );
      // The edges of the ranges are inside them: 1 and 2^32 − 1 bits, 1 and 255 hashes.
      for (const [bits, hashes, items] of [
        [1, 1, 1],
        [2 ** 32 - 1, 1, 1e9],
        [1000, 255, 10],
        [2 ** 32 - 1, 255, 1e7],
      ] as const) {
        const expected = Math.pow(-Math.expm1((-hashes * items) / bits), hashes);
        const actual = expectedFalsePositiveRate(bits, hashes, items);
        expect(Math.abs(actual - expected) / expected, `expectedFalsePositiveRate(${bits}, ${hashes}, ${items}) = ${actual}, expected ${expected}`).toBeLessThanOrEqual(1e-6);
      }
    },
  );

  suite.test(
    {
      points: 5,
      category: 'api',
      name: 'bad sizing arguments get a RangeError that names the argument',
      hint: 'README, task 1: check every argument before using it; NaN fails every comparison, so test for what is valid.',
    },
    () => {
      const { optimalParameters, expectedFalsePositiveRate, BloomFilter } = suite.impl();
      for (const n of [0, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expectRangeError(`optimalParameters(${n}, 0.01)`, () => optimalParameters(n, 0.01), 'expectedItems');
        expectRangeError(`BloomFilter.forCapacity(${n}, 0.01)`, () => BloomFilter.forCapacity(n, 0.01), 'expectedItems');
      }
      for (const p of [0, 1, -0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expectRangeError(`optimalParameters(1000, ${p})`, () => optimalParameters(1000, p), 'falsePositiveRate');
      }
      expectRangeError('optimalParameters(1e9, 1e-9) (needs more than 2^32 − 1 bits)', () => optimalParameters(1e9, 1e-9), 'bits');
      const oneBitTooMany = rateForBits(EDGE_ITEMS, 2 ** 32 - 0.5);
      expectRangeError(`optimalParameters(${EDGE_ITEMS}, ${oneBitTooMany}) (needs 2^32 bits, one too many)`, () => optimalParameters(EDGE_ITEMS, oneBitTooMany), 'bits');
      for (const bits of [0, -8, 1.5, Number.NaN]) {
        expectRangeError(`expectedFalsePositiveRate(${bits}, 3, 10)`, () => expectedFalsePositiveRate(bits, 3, 10), 'bits');
      }
      for (const hashes of [0, 2.5, 256, Number.NaN]) {
        expectRangeError(`expectedFalsePositiveRate(1000, ${hashes}, 10)`, () => expectedFalsePositiveRate(1000, hashes, 10), 'hashes');
      }
      for (const items of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expectRangeError(`expectedFalsePositiveRate(1000, 3, ${items})`, () => expectedFalsePositiveRate(1000, 3, items), 'items');
      }
    },
  );
});
