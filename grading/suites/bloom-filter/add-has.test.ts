import fc from 'fast-check';
import { expect } from 'vitest';
import { murmur3Calls } from '@impl/bloom-filter/murmur3';
import { FP_PROBES, FP_TOLERANCE, measureFalsePositives } from './fp-experiment';
import { OracleFilter, bloomSuite, describeKey, expectRangeError, keyArb, keyBytes, oracleIndexes, shapeArb, surrogateStringArb, viewOf } from './support';
import { checkAddHasSessions } from './model-add-has';

const suite = bloomSuite();

const MAX_BITS = 2 ** 32 - 1;
/** Filters at the top of the bits range, where an index no longer fits a signed 32-bit integer. */
const WIDE_BITS = [2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, MAX_BITS - 1, MAX_BITS] as const;

suite.task(2, () => {
  suite.test(
    {
      points: 8,
      category: 'correctness',
      name: 'indexes(key) are (h1 + i·h2) mod bits over murmur3 of the key’s UTF-8 bytes',
      hint: 'README, task 2: h1 = murmur3(bytes, 0), h2 = murmur3(bytes, 1); h1 + i·h2 stays exact in a double — do not wrap it to 32 bits. A Uint8Array key is the bytes it views, from its byteOffset.',
      clauses: ['BF-2.3', 'BF-2.4', 'BF-2.5', 'BF-2.7', 'BF-2.8'],
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
      // The top of the bits range with the most hashes: every index above 2^31 must stay exact and non-negative.
      const wide = new Map<number, InstanceType<typeof BloomFilter>>();
      t.check(
        fc.property(fc.constantFrom(...WIDE_BITS), keyArb, (bits, key) => {
          const filter = wide.get(bits) ?? new BloomFilter(bits, 255);
          wide.set(bits, filter);
          expect(filter.indexes(key), `indexes(${describeKey(key)}) with ${bits} bits and 255 hashes`).toEqual(oracleIndexes(key, bits, 255));
        }),
        { numRuns: 60 },
      );
      // A key whose second hash is 0: murmur3(key, 1) = 0 (found by running murmur3 backwards from 0, every
      // step of it being a bijection on 32 bits). All k indexes are then h1 mod bits, repeats included:
      // replacing h2 = 0 by 1 (or skipping the repeats) gives other indexes.
      const secondHashZero = Uint8Array.of(0x34, 0x0d, 0xc1, 0x6b);
      for (const [bits, hashes] of [[1000, 4], [1021, 255], [(1 << 20) + 7, 7]] as const) {
        expect(new BloomFilter(bits, hashes).indexes(secondHashZero), `indexes(bytes [52, 13, 193, 107]), a key with murmur3(key, 1) = 0, with ${bits} bits and ${hashes} hashes`).toEqual(
          oracleIndexes(secondHashZero, bits, hashes),
        );
      }
    },
  );

  suite.test(
    {
      points: 8,
      category: 'correctness',
      name: 'every added key is reported present (no false negatives)',
      hint: 'README, task 2: add and has must compute the same indexes for the same key, all of them within [0, bits); an index above 2^31 must still find its byte.',
      clauses: ['BF-2.10'],
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
      // Both ends of both ranges: 1 bit, 255 hashes, and indexes at and above 2^31 (where `index >> 3` goes negative).
      // (Few keys and hashes at the top: each add touches a page of a bit array of up to 512 MiB.)
      const keys = ['', 'a', 'user:1', '\u{1f600}', Uint8Array.of(1, 2, 3), viewOf(Uint8Array.of(9, 9), 3, 1)];
      const shapes = [[3 * 2 ** 30, 4], [MAX_BITS, 4], [1, 255], [8, 255], [1021, 255]] as const;
      for (const [bits, hashes] of shapes) {
        const filter = new BloomFilter(bits, hashes);
        for (const key of keys) filter.add(key);
        for (const key of keys) expect(filter.has(key), `has(${describeKey(key)}) after add, with ${bits} bits and ${hashes} hashes`).toBe(true);
      }
    },
  );

  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'the false-positive rate at design capacity is within 20 % of (1 − e^(−kn/m))^k',
      hint: 'README, task 2: a rate far too high means the k indexes are not independent (one hash reused, or only part of the key hashed).',
      clauses: ['BF-2.7', 'BF-2.11'],
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
      name: 'a string and its UTF-8 bytes are the same key, a lone surrogate being U+FFFD',
      hint: 'README, task 2: encode strings with TextEncoder; charCodeAt gives UTF-16 code units, not UTF-8 bytes, and a hand-written encoder must turn a lone surrogate into ef bf bd.',
      clauses: ['BF-2.3', 'BF-2.4'],
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      const fffd = [0xef, 0xbf, 0xbd];
      for (const [text, bytes] of [
        ['\ud800', fffd],
        ['\udfff', fffd],
        ['a\udc00b', [0x61, ...fffd, 0x62]],
        ['\ude00\ud83d', [...fffd, ...fffd]],
        ['\ud83d\ude00', [0xf0, 0x9f, 0x98, 0x80]],
        // Both sides of every boundary between UTF-8 lengths (1 to 4 bytes), and of the surrogate range.
        ['\u007f', [0x7f]],
        ['\u0080', [0xc2, 0x80]],
        ['\u07ff', [0xdf, 0xbf]],
        ['\u0800', [0xe0, 0xa0, 0x80]],
        ['\ud7ff', [0xed, 0x9f, 0xbf]],
        ['\ue000', [0xee, 0x80, 0x80]],
        ['\uffff', [0xef, 0xbf, 0xbf]],
        ['\u{10000}', [0xf0, 0x90, 0x80, 0x80]],
        ['\u{10ffff}', [0xf4, 0x8f, 0xbf, 0xbf]],
      ] as const) {
        const filter = new BloomFilter(4096, 5);
        filter.add(text);
        expect(filter.has(Uint8Array.from(bytes)), `has(bytes [${bytes.join(', ')}]) after add(${JSON.stringify(text)})`).toBe(true);
        expect(filter.indexes(Uint8Array.from(bytes)), `indexes of ${JSON.stringify(text)} and of bytes [${bytes.join(', ')}]`).toEqual(filter.indexes(text));
      }
      t.check(
        fc.property(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }), surrogateStringArb), (text) => {
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
      clauses: ['BF-2.11', 'BF-2.12'],
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
      clauses: ['BF-2.11'],
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
      points: 2,
      category: 'performance',
      name: 'add, has and indexes hash each key exactly twice, whatever k is',
      hint: 'README, task 2: two base hashes give all k indexes; calling murmur3 k times is the cost double hashing avoids.',
      clauses: ['BF-2.13'],
    },
    () => {
      const { BloomFilter } = suite.impl();
      const keys = ['counted', '', Uint8Array.of(1, 2, 3), viewOf(Uint8Array.of(4, 5), 2, 2)];
      for (const hashes of [1, 7, 30, 255]) {
        const filter = new BloomFilter(10_000, hashes);
        // Even a filter with no bit set computes the key's indexes to answer has().
        const before = murmur3Calls();
        filter.has('asked before anything was added');
        expect(murmur3Calls() - before, `murmur3 calls made by has() on an empty filter with ${hashes} hashes`).toBe(2);
        for (const key of keys) {
          for (const [what, call] of [
            ['add', () => filter.add(key)],
            ['has', () => filter.has(key)],
            ['indexes', () => filter.indexes(key)],
            ['second add', () => filter.add(key)],
          ] as const) {
            const before = murmur3Calls();
            call();
            expect(murmur3Calls() - before, `murmur3 calls made by one ${what} of ${describeKey(key)} with ${hashes} hashes`).toBe(2);
          }
        }
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'the constructor rejects bad bits and hashes with a RangeError that names the argument, and accepts both ends of each range',
      hint: 'README, task 2: bits is an integer in [1, 2^32 − 1], hashes an integer in [1, 255], the ends included.',
      clauses: ['BF-0.1', 'BF-0.2', 'BF-2.1', 'BF-2.2'],
    },
    () => {
      const { BloomFilter } = suite.impl();
      const cases: [number, number, string][] = [
        [0, 3, 'bits'],
        [-0, 3, 'bits'],
        [-8, 3, 'bits'],
        [100.5, 3, 'bits'],
        [Number.NaN, 3, 'bits'],
        [Number.POSITIVE_INFINITY, 3, 'bits'],
        [Number.NEGATIVE_INFINITY, 3, 'bits'],
        [2 ** 32, 3, 'bits'],
        [2 ** 32 - 0.5, 3, 'bits'],
        [100, 0, 'hashes'],
        [100, -0, 'hashes'],
        [100, -1, 'hashes'],
        [100, 2.5, 'hashes'],
        [100, 255.5, 'hashes'],
        [100, 256, 'hashes'],
        [100, Number.NaN, 'hashes'],
        [100, Number.POSITIVE_INFINITY, 'hashes'],
      ];
      for (const [bits, hashes, argument] of cases) {
        expectRangeError(`new BloomFilter(${bits}, ${hashes})`, () => new BloomFilter(bits, hashes), argument);
      }
      for (const [bits, hashes] of [
        [1, 1],
        [1, 255],
        [MAX_BITS, 1],
        [MAX_BITS, 255],
      ] as const) {
        const filter = new BloomFilter(bits, hashes);
        for (let read = 1; read <= 2; read++) {
          expect({ bits: filter.bits, hashes: filter.hashes }, `the shape of new BloomFilter(${bits}, ${hashes}), read ${read}`).toEqual({ bits, hashes });
        }
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'add, has, indexes and the shape agree with a model filter over a whole session, with every kind of key, both ends of both ranges, and keys and results reused by the caller',
      hint: 'README, task 2: a key is read during the call only; indexes returns a new array each time; has and indexes change nothing.',
      clauses: ['BF-2.2', 'BF-2.5', 'BF-2.6', 'BF-2.7', 'BF-2.9', 'BF-2.10', 'BF-2.11', 'BF-2.12'],
    },
    (t) => checkAddHasSessions(suite.impl().BloomFilter, t),
  );
});
