import fc from 'fast-check';
import { expect } from 'vitest';
import { bloomSuite, describeKey, expectRangeError, formatBytes, keyArb, shapeArb } from './support';

const suite = bloomSuite();

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** Compares two byte strings; on a mismatch, says where they first differ instead of printing both in full. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  let at = 0;
  while (at < actual.length && at < expected.length && actual[at] === expected[at]) at++;
  if (at === actual.length && at === expected.length) return;
  const window = (bytes: Uint8Array) => hex(bytes.subarray(Math.max(0, at - 4), at + 8));
  expect.fail(
    `${what}: ${actual.length} bytes, expected ${expected.length}; first difference at byte ${at}\n` +
      `  got      …${window(actual)}\n  expected …${window(expected)}`,
  );
}

/** README's worked example: 20 bits, 3 hashes, keys "a" and "b" (the visible tests check it too). */
const EXAMPLE = Uint8Array.from([0x46, 0x4c, 0x42, 0x46, 0x01, 0x00, 0x00, 0x00, 0x14, 0x03, 0x40, 0xe4, 0x04]);

suite.task(4, () => {
  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'fromBytes(toBytes(f)) answers has() exactly as f does, also from a view into a larger buffer',
      hint: 'README, task 4: read back the shape from the header, then the bit array. A Uint8Array can start at a byteOffset inside its buffer (Node Buffers often do).',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(
          shapeArb,
          fc.array(keyArb, { maxLength: 40 }),
          fc.array(keyArb, { maxLength: 20 }),
          fc.integer({ min: 1, max: 15 }),
          ({ bits, hashes }, added, probes, offset) => {
            const filter = new BloomFilter(bits, hashes);
            for (const key of added) filter.add(key);
            const bytes = filter.toBytes();
            // The same bytes as they often arrive: a view into a larger buffer (a file block, a pooled Buffer).
            const framed = new Uint8Array(offset + bytes.length + 5).fill(0xa5);
            framed.set(bytes, offset);
            for (const [where, input] of [
              ['its own buffer', bytes],
              [`a view at byte offset ${offset} of a larger buffer`, framed.subarray(offset, offset + bytes.length)],
            ] as const) {
              const copy = BloomFilter.fromBytes(input);
              expect({ bits: copy.bits, hashes: copy.hashes }, `shape after a round trip through ${where}`).toEqual({ bits, hashes });
              for (const key of [...added, ...probes]) {
                expect(copy.has(key), `has(${describeKey(key)}) after a round trip through ${where}`).toBe(filter.has(key));
              }
            }
          },
        ),
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'toBytes writes the FLBF version 1 format byte for byte',
      hint: 'README, task 4: bits is big-endian; bit i lives in byte 10 + ⌊i/8⌋ at mask 1 << (i mod 8).',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shapeArb, fc.array(keyArb, { maxLength: 30 }), ({ bits, hashes }, added) => {
          const filter = new BloomFilter(bits, hashes);
          const set = new Set<number>();
          for (const key of added) {
            filter.add(key);
            // Judged by your own indexes, so a task 2 mistake does not cost task 4 points too.
            for (const i of filter.indexes(key)) set.add(i);
          }
          expectSameBytes(filter.toBytes(), formatBytes(bits, hashes, set), `toBytes of ${bits} bits × ${hashes} hashes with ${added.length} keys`);
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'the same keys give the same bytes, in any order and after a round trip',
      hint: 'README, task 4: the bytes depend on the set of bits only.',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shapeArb, fc.array(keyArb, { maxLength: 30 }), fc.infiniteStream(fc.nat()), ({ bits, hashes }, added, order) => {
          const shuffled = [...added];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = order.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const a = new BloomFilter(bits, hashes);
          const b = new BloomFilter(bits, hashes);
          for (const key of added) a.add(key);
          for (const key of shuffled) (b.add(key), b.add(key));
          expectSameBytes(b.toBytes(), a.toBytes(), 'bytes of the same keys in another order, each added twice');
          expectSameBytes(BloomFilter.fromBytes(a.toBytes()).toBytes(), a.toBytes(), 'bytes after a round trip');
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'toBytes returns a copy, and fromBytes copies its input',
      hint: 'README, task 4: the caller owns the bytes on both sides; a filter that shares them changes when they do.',
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shapeArb, fc.array(keyArb, { minLength: 1, maxLength: 20 }), fc.array(keyArb, { maxLength: 20 }), ({ bits, hashes }, added, probes) => {
          const filter = new BloomFilter(bits, hashes);
          for (const key of added) filter.add(key);
          const bytes = filter.toBytes();
          const snapshot = bytes.slice();

          const restored = BloomFilter.fromBytes(bytes);
          const before = [...added, ...probes].map((key) => restored.has(key));
          bytes.fill(0x00, 10); // the caller reuses its buffer
          expect([...added, ...probes].map((key) => restored.has(key)), 'has() of a filter read from bytes the caller then overwrote').toEqual(before);
          for (const key of added) expect(filter.has(key), `has(${describeKey(key)}) after zeroing the array toBytes returned`).toBe(true);

          filter.add('a key added after toBytes');
          expectSameBytes(restored.toBytes(), snapshot, 'bytes of the restored filter after the original changed');
        }),
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'api',
      name: 'fromBytes rejects malformed bytes with a RangeError',
      hint: 'README, task 4: check the length, magic, version, bits, hashes and padding before trusting the header.',
    },
    () => {
      const { BloomFilter } = suite.impl();
      // Each case is the README example (20 bits, 3 hashes) with exactly one thing wrong, so that
      // no check can lean on another: every one of them is needed on its own.
      const valid = Uint8Array.from(EXAMPLE);
      const header = valid.slice(0, 10);
      const variant = (edit: (bytes: Uint8Array) => Uint8Array): Uint8Array => edit(Uint8Array.from(valid));
      const cases: [string, Uint8Array][] = [
        ['no bytes at all', new Uint8Array(0)],
        ['a header cut short', valid.slice(0, 7)],
        ['a header without its hashes byte', valid.slice(0, 9)],
        ['a bad magic', variant((b) => ((b[0] = 0x47), b))],
        ['an unknown version', variant((b) => ((b[4] = 2), b))],
        ['zero bits, with the empty bit array that zero bits would need', variant((b) => ((b[8] = 0), b.slice(0, 10)))],
        ['zero hashes', variant((b) => ((b[9] = 0), b))],
        ['a header for 20 bits and no bit array', header],
        ['a bit array one byte short', valid.slice(0, valid.length - 1)],
        // Its last byte has no bit above 3 set, so read as the last byte of the array it passes the padding check.
        ['a bit array one byte short, ending in a byte with no padding bit set', Uint8Array.from([...header, 0x40, 0x04])],
        ['a trailing extra byte', Uint8Array.from([...valid, 0])],
        ['a padding bit set after bit 19 (bit 23, the highest)', variant((b) => ((b[12]! |= 0x80), b))],
        ['a padding bit set after bit 19 (bit 20, the lowest)', variant((b) => ((b[12]! |= 0x10), b))],
      ];
      for (const [what, bytes] of cases) {
        expectRangeError(`fromBytes of ${what} (${hex(bytes)})`, () => BloomFilter.fromBytes(bytes));
      }
    },
  );
});
