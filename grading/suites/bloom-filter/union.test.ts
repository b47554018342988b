import fc from 'fast-check';
import { expect } from 'vitest';
import { bloomSuite, describeKey, expectRangeError, keyArb } from './support';
import { checkCombineSessions } from './model-combine';

const suite = bloomSuite();

const shape = fc.record({ bits: fc.integer({ min: 8, max: 2048 }), hashes: fc.integer({ min: 1, max: 8 }) });
const keys = fc.array(keyArb, { maxLength: 40 });

suite.task(3, () => {
  suite.test(
    {
      points: 7,
      category: 'correctness',
      name: 'a union has every key of both filters, and is their bitwise OR',
      hint: 'README, task 3: a key of either filter must survive the union, so a bit set in either must be set in the result.',
      clauses: ['BF-3.1'],
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shape, keys, keys, fc.array(keyArb, { maxLength: 20 }), ({ bits, hashes }, left, right, probes) => {
          const a = new BloomFilter(bits, hashes);
          const b = new BloomFilter(bits, hashes);
          const both = new BloomFilter(bits, hashes);
          for (const key of left) (a.add(key), both.add(key));
          for (const key of right) (b.add(key), both.add(key));
          const union = a.union(b);
          for (const key of [...left, ...right]) expect(union.has(key), `union.has(${describeKey(key)})`).toBe(true);
          // OR of the bit arrays is exactly the filter that had every key added: judged by your own add and has.
          for (const key of probes) {
            expect(union.has(key), `union.has(${describeKey(key)}) for a probe key, against one filter holding both key sets`).toBe(both.has(key));
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'an intersection has every key present in both filters, and is their bitwise AND',
      hint: 'README, task 3: a key in both filters has all its bits set in both.',
      clauses: ['BF-3.2'],
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shape, keys, keys, keys, fc.array(keyArb, { maxLength: 20 }), ({ bits, hashes }, shared, left, right, probes) => {
          const a = new BloomFilter(bits, hashes);
          const b = new BloomFilter(bits, hashes);
          for (const key of [...shared, ...left]) a.add(key);
          for (const key of [...shared, ...right]) b.add(key);
          const intersection = a.intersect(b);
          for (const key of shared) expect(intersection.has(key), `intersection.has(${describeKey(key)}) for a key added to both`).toBe(true);
          // All of a key's bits are set in the AND exactly when they are all set in both: has(x) = a.has(x) && b.has(x).
          for (const key of [...left, ...right, ...probes]) {
            expect(intersection.has(key), `intersection.has(${describeKey(key)}), against a.has && b.has`).toBe(a.has(key) && b.has(key));
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'combining filters of different shapes throws a RangeError naming both shapes',
      hint: 'README, task 3: bit i means the same thing in two filters only when bits and hashes are equal; name the bits and the hashes of each.',
      clauses: ['BF-0.2', 'BF-3.5'],
    },
    () => {
      const { BloomFilter } = suite.impl();
      const pairs: [number, number, number, number][] = [
        [1021, 7, 2039, 7],
        [1021, 7, 1021, 11],
        [1021, 7, 2039, 11],
        [1, 255, 4093, 1],
        [8, 3, 9, 3],
      ];
      for (const [bitsA, hashesA, bitsB, hashesB] of pairs) {
        const a = new BloomFilter(bitsA, hashesA);
        const b = new BloomFilter(bitsB, hashesB);
        for (const operation of ['union', 'intersect'] as const) {
          const what = `${operation} of ${bitsA} bits × ${hashesA} hashes with ${bitsB} bits × ${hashesB} hashes`;
          expectRangeError(what, () => a[operation](b));
          let message = '';
          try {
            a[operation](b);
          } catch (error) {
            message = (error as Error).message;
          }
          // Each number of both shapes, as a number of its own (7 is not the 7 of 1027).
          for (const number of [bitsA, hashesA, bitsB, hashesB]) {
            expect(message, `the RangeError from ${what} should name ${number}, a number of one of the shapes`).toMatch(new RegExp(`(^|[^0-9])${number}($|[^0-9])`));
          }
        }
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'union and intersect leave both operands unchanged',
      hint: 'README, task 3: return a new filter; do not OR into this.',
      clauses: ['BF-3.3'],
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shape, keys, keys, fc.array(keyArb, { maxLength: 20 }), ({ bits, hashes }, left, right, probes) => {
          const a = new BloomFilter(bits, hashes);
          const b = new BloomFilter(bits, hashes);
          for (const key of left) a.add(key);
          for (const key of right) b.add(key);
          const all = [...left, ...right, ...probes];
          const before = all.map((key) => [a.has(key), b.has(key)]);
          a.union(b);
          a.intersect(b);
          b.union(a);
          b.intersect(a);
          all.forEach((key, i) => expect([a.has(key), b.has(key)], `a.has, b.has (${describeKey(key)}) after union and intersect`).toEqual(before[i]));
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'union and intersect results are new filters that share nothing with their operands, over any session of adds and combinations',
      hint: 'README, task 3: build the result in a filter of its own; a filter combined with itself, or with an empty one, still gives a new filter.',
      clauses: ['BF-3.1', 'BF-3.2', 'BF-3.3', 'BF-3.4'],
    },
    (t) => checkCombineSessions(suite.impl().BloomFilter, t),
  );
});
