import fc from 'fast-check';
import { expect } from 'vitest';
import { murmur3Calls } from '@impl/bloom-filter/murmur3';
import { FP_PROBES, FP_TOLERANCE, measureFalsePositives } from './fp-experiment';
import { OracleFilter, bloomSuite, describeKey, expectRangeError, keyArb, keyBytes, oracleIndexes, shapeArb } from './support';

const suite = bloomSuite();

suite.task(2, () => {
  suite.test(
    {
      points: 10,
      category: 'correctness',
      name: 'every added key is reported present (no false negatives)',
      hint: 'README, task 2: add and has must compute the same indexes for the same key, all of them within [0, bits).',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shapeArb, fc.array(keyArb, { minLength: 1, maxLength: 60 }), ({ bits, hashes }, keys) => {
          const filter = new BloomFilter(bits, hashes);
          for (const key of keys) filter.add(key);
          for (const key of keys) expect(filter.has(key), `has(${describeKey(key)}) after add`).toBe(true);
        }),
      );
    },
  );

  suite.test(
    {
      points: 8,
      category: 'correctness',
      name: 'indexes(key) are (h1 + i·h2) mod bits over murmur3 of the key’s UTF-8 bytes',
      hint: 'README, task 2: h1 = murmur3(bytes, 0), h2 = murmur3(bytes, 1); h1 + i·h2 stays exact in a double — do not wrap it to 32 bits.',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shapeArb, keyArb, ({ bits, hashes }, key) => {
          const filter = new BloomFilter(bits, hashes);
          expect(filter.indexes(key), `indexes(${describeKey(key)}) with ${bits} bits and ${hashes} hashes`).toEqual(
            oracleIndexes(key, bits, hashes),
          );
        }),
        { numRuns: 300 },
      );
    },
  );

  suite.test(
    {
      points: 7,
      category: 'correctness',
      name: 'the false-positive rate at design capacity is within 20 % of (1 − e^(−kn/m))^k',
      hint: 'README, task 2: a rate far too high means the k indexes are not independent (one hash reused, or only part of the key hashed).',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      const { falsePositives, measured, expected } = measureFalsePositives((bits, hashes) => new BloomFilter(bits, hashes), t.rng);
      const message = `measured false-positive rate ${measured.toFixed(5)} (${falsePositives} of ${FP_PROBES} absent keys), expected ${expected.toFixed(5)} ± ${FP_TOLERANCE * 100} %`;
      expect(measured, message).toBeGreaterThanOrEqual(expected * (1 - FP_TOLERANCE));
      expect(measured, message).toBeLessThanOrEqual(expected * (1 + FP_TOLERANCE));
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'a string and its UTF-8 bytes are the same key',
      hint: 'README, task 2: encode strings with TextEncoder; charCodeAt gives UTF-16 code units, not UTF-8 bytes.',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }), (text) => {
          const bytes = keyBytes(text);
          const byString = new BloomFilter(4096, 5);
          byString.add(text);
          expect(byString.has(bytes), `has(UTF-8 bytes of ${describeKey(text)}) after add(${describeKey(text)})`).toBe(true);
          expect(byString.indexes(bytes), `indexes of ${describeKey(text)} and of its UTF-8 bytes`).toEqual(byString.indexes(text));
        }),
      );
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'an empty filter has no key, however often it is asked',
      hint: 'README, task 2: has must not change the filter.',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shapeArb, fc.array(keyArb, { minLength: 1, maxLength: 20 }), ({ bits, hashes }, keys) => {
          const filter = new BloomFilter(bits, hashes);
          for (let round = 0; round < 2; round++) {
            for (const key of keys) expect(filter.has(key), `has(${describeKey(key)}) on an empty filter`).toBe(false);
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'has(key) is true exactly when all k bits of the key are set',
      hint: 'README, task 2: every one of the k bits must be set, not just one of them.',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(
          fc.record({ bits: fc.integer({ min: 8, max: 512 }), hashes: fc.integer({ min: 1, max: 8 }) }),
          fc.array(keyArb, { maxLength: 30 }),
          fc.array(keyArb, { minLength: 1, maxLength: 30 }),
          ({ bits, hashes }, added, probes) => {
            const filter = new BloomFilter(bits, hashes);
            const oracle = new OracleFilter(bits, hashes);
            for (const key of added) {
              filter.add(key);
              oracle.add(key);
            }
            for (const key of probes) expect(filter.has(key), `has(${describeKey(key)})`).toBe(oracle.has(key));
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'performance',
      name: 'add, has and indexes hash each key exactly twice, whatever k is',
      hint: 'README, task 2: two base hashes give all k indexes; calling murmur3 k times is the cost double hashing avoids.',
    },
    () => {
      const { BloomFilter } = suite.impl();
      for (const hashes of [1, 7, 30]) {
        const filter = new BloomFilter(10_000, hashes);
        for (const [what, call] of [
          ['add', () => filter.add('counted')],
          ['has', () => filter.has('counted')],
          ['indexes', () => filter.indexes('counted')],
        ] as const) {
          const before = murmur3Calls();
          call();
          expect(murmur3Calls() - before, `murmur3 calls made by one ${what} with ${hashes} hashes`).toBe(2);
        }
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'the constructor rejects bad bits and hashes with a RangeError that names the argument',
      hint: 'README, task 2: bits is an integer in [1, 2^32 − 1], hashes an integer in [1, 255].',
    },
    () => {
      const { BloomFilter } = suite.impl();
      const cases: [number, number, string][] = [
        [0, 3, 'bits'],
        [-8, 3, 'bits'],
        [100.5, 3, 'bits'],
        [Number.NaN, 3, 'bits'],
        [Number.POSITIVE_INFINITY, 3, 'bits'],
        [2 ** 32, 3, 'bits'],
        [100, 0, 'hashes'],
        [100, 2.5, 'hashes'],
        [100, 256, 'hashes'],
        [100, Number.NaN, 'hashes'],
      ];
      for (const [bits, hashes, argument] of cases) {
        expectRangeError(`new BloomFilter(${bits}, ${hashes})`, () => new BloomFilter(bits, hashes), argument);
      }
    },
  );
});
