import fc from 'fast-check';
import { expect } from 'vitest';
import { bloomSuite, describeKey, expectRangeError, expectSameBytes, formatBytes, hex, keyArb, oracleIndexes, shapeArb } from './support';
import { checkByteSessions } from './model-bytes';

const suite = bloomSuite();

/** README's worked example: 20 bits, 3 hashes, keys "a" and "b" (the visible tests check it too). */
const EXAMPLE = Uint8Array.from([0x46, 0x4c, 0x42, 0x46, 0x01, 0x00, 0x00, 0x00, 0x14, 0x03, 0x40, 0xe4, 0x04]);

suite.task(4, () => {
  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'toBytes writes the FLBF version 1 format byte for byte',
      hint: 'README, task 4: bits is big-endian; bit i lives in byte 10 + ⌊i/8⌋ at mask 1 << (i mod 8).',
      clauses: ['BF-4.1', 'BF-4.2', 'BF-4.3'],
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
      // Every header field at its edges: 255 hashes, and a bits field with all four bytes in use.
      for (const [bits, hashes] of [
        [1, 255],
        [8, 255],
        [2 ** 24 + 3, 255],
      ] as const) {
        const filter = new BloomFilter(bits, hashes);
        const set = new Set<number>();
        for (const key of ['a', 'b', 'edge']) {
          filter.add(key);
          for (const i of filter.indexes(key)) set.add(i);
        }
        expectSameBytes(filter.toBytes(), formatBytes(bits, hashes, set), `toBytes of ${bits} bits × ${hashes} hashes with 3 keys`);
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'fromBytes(toBytes(f)) answers has() exactly as f does, also from a view into a larger buffer',
      // Reading a filter of 2³¹ + 9 bits copies 256 MiB, which takes seconds on a busy machine.
      deadlineMs: 20_000,
      hint: 'README, task 4: read back the shape from the header, then the bit array. A Uint8Array can start at a byteOffset inside its buffer (Node Buffers often do). With bits a multiple of 8 there is no padding to check.',
      clauses: ['BF-4.7', 'BF-4.8'],
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
              ['a Node Buffer', Buffer.from(bytes)],
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
      // Well-formed inputs at the edges of every field: 1 bit, bits a multiple of 8 with the last bit set, 255 hashes,
      // every bit set, a bits field that uses all four of its bytes.
      const edges: [number, number, number[]][] = [
        [1, 1, [0]],
        [1, 255, []],
        [7, 2, [6]],
        [8, 255, [7]],
        [8, 1, [0, 1, 2, 3, 4, 5, 6, 7]],
        [9, 3, [8]],
        [16, 2, [15, 0]],
        [17, 200, [16]],
        [64, 255, [63, 56, 7]],
        [2 ** 24 + 3, 7, [2 ** 24 + 2, 2 ** 24, 0]],
      ];
      for (const [bits, hashes, set] of edges) {
        const bytes = formatBytes(bits, hashes, set);
        const what = `fromBytes of a well-formed filter of ${bits} bits × ${hashes} hashes with bits [${set.join(', ')}] set`;
        let filter: InstanceType<typeof BloomFilter>;
        try {
          filter = BloomFilter.fromBytes(bytes);
        } catch (error) {
          expect.fail(`${what} threw ${(error as Error).name}: ${(error as Error).message}`);
        }
        expect({ bits: filter.bits, hashes: filter.hashes }, `the shape from ${what}`).toEqual({ bits, hashes });
        expectSameBytes(filter.toBytes(), bytes, `toBytes() of ${what}`);
      }
      // One filter of more than 2³¹ bits (256 MiB of bit array), read from bytes: the bits field has its top bit
      // set, which a signed shift (`b << 24`) reads as a negative number.
      const bigBits = 2 ** 31 + 9;
      const added = ['a', 'b', 'key-3', ''];
      const set = new Set(added.flatMap((key) => oracleIndexes(key, bigBits, 2)));
      const what = `fromBytes of a well-formed filter of ${bigBits} bits × 2 hashes holding ${added.map((k) => JSON.stringify(k)).join(', ')}`;
      let big: InstanceType<typeof BloomFilter>;
      try {
        big = BloomFilter.fromBytes(formatBytes(bigBits, 2, set));
      } catch (error) {
        expect.fail(`${what} threw ${(error as Error).name}: ${(error as Error).message}`);
      }
      expect({ bits: big.bits, hashes: big.hashes }, `the shape from ${what}`).toEqual({ bits: bigBits, hashes: 2 });
      for (const key of [...added, 'c', 'key-4', 'zz']) {
        const present = oracleIndexes(key, bigBits, 2).every((i) => set.has(i));
        expect(big.has(key), `has(${JSON.stringify(key)}) after ${what}`).toBe(present);
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'the same keys give the same bytes, in any order and after a round trip',
      hint: 'README, task 4: the bytes depend on the set of bits only.',
      clauses: ['BF-4.4'],
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
      points: 2,
      category: 'correctness',
      name: 'toBytes returns a copy, and fromBytes copies its input',
      hint: 'README, task 4: the caller owns the bytes on both sides; a filter that shares them changes when they do, and so does a cached array toBytes hands out twice.',
      clauses: ['BF-4.5', 'BF-4.6'],
    },
    (t) => {
      const { BloomFilter } = suite.impl();
      t.check(
        fc.property(shapeArb, fc.array(keyArb, { minLength: 1, maxLength: 20 }), fc.array(keyArb, { maxLength: 20 }), ({ bits, hashes }, added, probes) => {
          const filter = new BloomFilter(bits, hashes);
          for (const key of added) filter.add(key);
          const bytes = filter.toBytes();
          const snapshot = Uint8Array.from(bytes); // a copy whatever toBytes returned (Buffer.prototype.slice would be a view)

          const restored = BloomFilter.fromBytes(bytes);
          const before = [...added, ...probes].map((key) => restored.has(key));
          bytes.fill(0x00, 10); // the caller reuses its buffer
          expect([...added, ...probes].map((key) => restored.has(key)), 'has() of a filter read from bytes the caller then overwrote').toEqual(before);
          for (const key of added) expect(filter.has(key), `has(${describeKey(key)}) after zeroing the array toBytes returned`).toBe(true);

          expectSameBytes(filter.toBytes(), snapshot, 'a second toBytes after the caller zeroed the array the first one returned');

          // The caller reuses the whole buffer it read from, header included.
          const again = BloomFilter.fromBytes(snapshot.slice());
          const input = snapshot.slice();
          const reread = BloomFilter.fromBytes(input);
          input.fill(0xff);
          for (let read = 1; read <= 2; read++) {
            expect({ bits: reread.bits, hashes: reread.hashes }, `the shape of a filter read from bytes the caller then overwrote, read ${read}`).toEqual({ bits, hashes });
          }
          expectSameBytes(reread.toBytes(), again.toBytes(), 'toBytes of a filter read from bytes the caller then overwrote, header included');

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
      hint: 'README, task 4: check the length, magic, version, bits, hashes and padding before trusting the header; only version 01 is readable.',
      clauses: ['BF-0.2', 'BF-4.9', 'BF-4.10', 'BF-4.11', 'BF-4.12', 'BF-4.13'],
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
      for (let length = 0; length < 10; length++) cases.push([`${length} bytes, a header cut short`, valid.slice(0, length)]);
      for (let at = 0; at < 4; at++) cases.push([`a bad magic at byte ${at}`, variant((b) => ((b[at] = b[at]! ^ 0x20), b))]);
      for (let version = 0; version < 256; version++) {
        if (version !== 1) cases.push([`version ${version}`, variant((b) => ((b[4] = version), b))]);
      }
      // Every padding bit of every width, alone, and lengths one byte off either way (also with no padding at all).
      for (const bits of [1, 2, 5, 7, 8, 9, 15, 16, 17, 63, 64]) {
        const body = Math.ceil(bits / 8);
        const good = formatBytes(bits, 3, [bits - 1, 0]);
        for (let bit = bits; bit < body * 8; bit++) {
          const bad = Uint8Array.from(good);
          bad[10 + body - 1]! |= 1 << bit % 8;
          cases.push([`${bits} bits with padding bit ${bit} set`, bad]);
        }
        cases.push([`${bits} bits with a bit array one byte short`, good.slice(0, good.length - 1)]);
        cases.push([`${bits} bits with a trailing extra byte`, Uint8Array.from([...good, 0])]);
        cases.push([`${bits} bits and zero hashes`, ((b) => ((b[9] = 0), b))(Uint8Array.from(good))]);
      }
      // A header that declares the most bits the field holds (or the top bit of it) with a body far too short.
      for (const top of [0xff, 0x80]) {
        for (const body of [0, 1, 100]) {
          const bad = new Uint8Array(10 + body);
          bad.set([0x46, 0x4c, 0x42, 0x46, 1, top, top === 0xff ? 0xff : 0, top === 0xff ? 0xff : 0, top === 0xff ? 0xff : 0, 3]);
          cases.push([`a header declaring ${top === 0xff ? '2^32 − 1' : '2^31'} bits with ${body} bytes of bit array`, bad]);
        }
      }
      cases.push(['zero bits with one byte of bit array', Uint8Array.from([...header.slice(0, 5), 0, 0, 0, 0, 3, 0])]);
      for (const [what, bytes] of cases) {
        expectRangeError(`fromBytes of ${what} (${hex(bytes.subarray(0, 24))}${bytes.length > 24 ? ' …' : ''})`, () => BloomFilter.fromBytes(bytes));
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'toBytes, fromBytes, add and has agree with a model over a whole session, with every array on the caller’s side reused by the caller',
      hint: 'README, task 4: toBytes hands out a new array each time; fromBytes copies the bytes it needs, from the byteOffset of the view it is given.',
      clauses: ['BF-4.1', 'BF-4.2', 'BF-4.5', 'BF-4.6', 'BF-4.7', 'BF-4.8'],
    },
    (t) => checkByteSessions(suite.impl().BloomFilter, t),
  );
});
