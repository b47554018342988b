import fc from 'fast-check';
import { expect } from 'vitest';
import { bloomSuite, describeKey, expectRangeError, keyArb } from './support';

const suite = bloomSuite();

const shape = fc.record({ bits: fc.integer({ min: 8, max: 2048 }), hashes: fc.integer({ min: 1, max: 8 }) });
const keys = fc.array(keyArb, { maxLength: 40 });

suite.task(3, () => {
  suite.test(
    {
      points: 8,
      category: 'correctness',
      name: 'a union has every key of both filters, and is their bitwise OR',
      hint: 'README, task 3: a key of either filter must survive the union, so a bit set in either must be set in the result.',
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
      points: 5,
      category: 'correctness',
      name: 'an intersection has every key present in both filters, and is their bitwise AND',
      hint: 'README, task 3: a key in both filters has all its bits set in both.',
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
      points: 4,
      category: 'api',
      name: 'combining filters of different shapes throws a RangeError naming both shapes',
      hint: 'README, task 3: bit i means the same thing in two filters only when bits and hashes are equal.',
    },
    () => {
      const { BloomFilter } = suite.impl();
      const pairs: [number, number, number, number][] = [
        [1021, 7, 2039, 7],
        [1021, 7, 1021, 11],
      ];
      for (const [bitsA, hashesA, bitsB, hashesB] of pairs) {
        const a = new BloomFilter(bitsA, hashesA);
        const b = new BloomFilter(bitsB, hashesB);
        for (const operation of ['union', 'intersect'] as const) {
          const differing = bitsA !== bitsB ? [bitsA, bitsB] : [hashesA, hashesB];
          expectRangeError(
            `${operation} of ${bitsA} bits × ${hashesA} hashes with ${bitsB} bits × ${hashesB} hashes`,
            () => a[operation](b),
            ...differing.map(String),
          );
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
});
