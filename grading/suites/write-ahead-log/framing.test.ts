/**
 * Task 1 — framing. encodeRecord against the model's byte-for-byte layout at
 * every offset a block has; decodeSegment against the model's eight rules on
 * clean segments, on every cut and zero fill of their end, and on every
 * single flipped bit.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectRangeError } from '../../../harness/suite';
import { crc32c } from '../../../exercises/write-ahead-log/crc32c';
import { FIRST, FULL, LAST, MIDDLE, modelDecode, modelEncode, modelSegment } from './model';
import { describeError, expectRecords, framingSuite, hex, record, sizeArb } from './support';

const suite = framingSuite();

const blockArb = fc.oneof(fc.constantFrom(8, 9, 16, 32), fc.integer({ min: 8, max: 64 }));

/** A TypeError naming `name`, or the stub's NotImplementedError passed through. */
function expectTypeError(what: string, fn: () => unknown, name: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown instanceof Error && thrown.name === 'NotImplementedError') throw thrown;
  expect(thrown, `${what} should throw a TypeError, but ${thrown === undefined ? 'returned' : `threw ${describeError(thrown)}`}`).toBeInstanceOf(TypeError);
  expect((thrown as Error).message, `the TypeError from ${what} should name ${name}`).toContain(name);
}

function expectDecoded(actual: { records: Uint8Array[]; end: number; corruption: { offset: number; reason: string } | null }, bytes: Uint8Array, blockBytes: number, what: string): void {
  const expected = modelDecode(bytes, blockBytes);
  const where = `${what}\ndecodeSegment(${hex(bytes, 96)}, ${blockBytes})`;
  expect(actual.corruption === null ? null : actual.corruption.offset, `${where}: the corruption's offset (null for none)`).toBe(expected.corruptAt);
  expectRecords(actual.records, expected.records, `${where}: the records`);
  expect(actual.end, `${where}: end, just past the last complete record`).toBe(expected.end);
  if (actual.corruption !== null) expect(actual.corruption.reason.trim(), `${where}: the corruption's reason`).not.toBe('');
}

suite.task(1, () => {
  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'encodeRecord fills a block with fragments and pads a short block tail with zeros',
      hint: 'README, task 1: CRC-32C of the type byte then the payload; length and CRC little-endian; fewer than 7 bytes left is a zero trailer; each fragment takes all the room its block has.',
      clauses: ['WAL-1.1', 'WAL-1.2', 'WAL-0.4'],
    },
    (t) => {
      const { encodeRecord } = suite.impl();
      t.check(
        fc.property(
          blockArb,
          // Offsets near 0, past 2³² (where 32-bit arithmetic wraps) and near 2⁵³.
          fc.oneof(fc.nat({ max: 200 }), fc.integer({ min: 2 ** 32 - 100, max: 2 ** 32 + 100 }), fc.integer({ min: 2 ** 53 - 300, max: 2 ** 53 - 1 })),
          fc.integer({ min: 0, max: 200 }),
          fc.nat({ max: 5 }),
          fc.nat(),
          (blockBytes, offset, size, pad, seed) => {
          // A record that is a view into a larger buffer: its bytes are the view's.
          const whole = record(seed % 1000, size + 2 * pad);
          const view = whole.subarray(pad, pad + size);
          const got = encodeRecord(view, offset, blockBytes);
          const want = modelEncode(view, offset, blockBytes);
          expect(hex(got, 400), `encodeRecord(${hex(view, 16)}, ${offset}, ${blockBytes})`).toBe(hex(want, 400));
          },
        ),
        { numRuns: 400 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'with exactly 7 bytes left a record starts with an empty FIRST, and an empty record is one FULL of length 0',
      hint: 'README, WAL-1.2: 7 bytes left is room for a header and nothing else. A non-empty record writes a FIRST with no payload there, then the rest starts the next block; the fragment after it is not the first.',
      clauses: ['WAL-1.2'],
    },
    (t) => {
      const { encodeRecord } = suite.impl();
      void t;
      const cases: [string, number, number, number][] = [
        ['7 bytes left, 1-byte record', 1, 9, 16],
        ['7 bytes left, record that fills the next block', 9, 9, 16],
        ['7 bytes left, record of three blocks', 30, 25, 32],
        ['7 bytes left, empty record', 0, 9, 16],
        ['6 bytes left: a trailer', 5, 10, 16],
        ['1 byte left: a trailer', 5, 15, 16],
        ['at a block boundary', 9, 32, 16],
        ['a record that ends exactly at the block end', 9, 0, 16],
        ['the smallest block, 8 bytes', 5, 0, 8],
        ['the smallest block, at its 7-byte mark', 3, 1, 8],
        ['the largest block, 32768, across it', 40_000, 32_760, 32_768],
      ];
      for (const [what, size, offset, blockBytes] of cases) {
        const r = record(size, size);
        expect(hex(encodeRecord(r, offset, blockBytes), 200), `${what}: encodeRecord(${size} bytes, ${offset}, ${blockBytes})`).toBe(hex(modelEncode(r, offset, blockBytes), 200));
      }
      // The default block is 32768 bytes.
      const big = record(3, 32_768);
      expect(hex(encodeRecord(big, 5), 200), 'encodeRecord(32768 bytes, 5) with blockBytes left out').toBe(hex(modelEncode(big, 5, 32_768), 200));
    },
  );

  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'decodeSegment reads back what was written, and stops quietly at any cut or zero fill of its end',
      hint: 'README, WAL-1.4: a file that ends inside a header or a payload, or whose end was zero-filled by a crash, has a tail, not corruption; a record whose LAST never came is not returned.',
      clauses: ['WAL-1.4'],
    },
    (t) => {
      const { decodeSegment } = suite.impl();
      t.check(
        fc.property(
          blockArb.chain((blockBytes) => fc.tuple(fc.constant(blockBytes), fc.array(sizeArb(blockBytes), { minLength: 1, maxLength: 6 }), fc.boolean())),
          fc.nat(),
          fc.nat(),
          ([blockBytes, sizes, zeros], cutSeed, zeroSeed) => {
            const records = sizes.map((size, i) => record(i, size, zeros && i % 2 === 1));
            const segment = modelSegment(records, blockBytes);
            expectDecoded(decodeSegment(segment, blockBytes), segment, blockBytes, `a clean segment of records of ${sizes.join(', ')} bytes`);
            // A crash keeps a prefix of the last record's bytes, and may zero-fill the rest up to the old length.
            const lastStart = modelSegment(records.slice(0, -1), blockBytes).length;
            const cut = lastStart + (cutSeed % (segment.length - lastStart + 1));
            const torn = segment.slice(0, cut);
            expectDecoded(decodeSegment(torn, blockBytes), torn, blockBytes, `the segment cut at byte ${cut} of ${segment.length}`);
            const fillTo = cut + (zeroSeed % (segment.length - cut + 1));
            const filled = Uint8Array.from([...torn, ...new Uint8Array(fillTo - cut)]);
            expectDecoded(decodeSegment(filled, blockBytes), filled, blockBytes, `the segment cut at byte ${cut} of ${segment.length}, then zeros to byte ${fillTo}`);
          },
        ),
        { numRuns: 300 },
      );
      // Every cut of one segment that spans blocks, trailers and an empty FIRST.
      const records = [record(0, 9), record(1, 0), record(2, 30), record(3, 2, true), record(4, 1)];
      const segment = modelSegment(records, 16);
      for (let cut = 0; cut <= segment.length; cut++) {
        expectDecoded(decodeSegment(segment.slice(0, cut), 16), segment.slice(0, cut), 16, `cut at byte ${cut}`);
        const zeroed = Uint8Array.from([...segment.slice(0, cut), ...new Uint8Array(segment.length - cut)]);
        expectDecoded(decodeSegment(zeroed, 16), zeroed, 16, `zeros from byte ${cut}`);
      }
      expectDecoded(decodeSegment(new Uint8Array(0)), new Uint8Array(0), 32_768, 'an empty segment, blockBytes left out');
    },
  );

  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'decodeSegment reports corruption at the header of the first fragment it cannot accept, for any flipped bit',
      hint: 'README, WAL-1.4 and WAL-1.5: a bad type, a length past the block, a CRC that fails outside the trailing zeros, a fragment out of order, a nonzero trailer byte: corruption, at the offset where that header (or trailer) starts.',
      clauses: ['WAL-1.4', 'WAL-1.5', 'WAL-1.1'],
    },
    (t) => {
      const { decodeSegment } = suite.impl();
      void t;
      const records = [record(0, 9), record(1, 0), record(2, 30), record(3, 2), record(4, 12, true), record(5, 3)];
      for (const blockBytes of [16, 24]) {
        const segment = modelSegment(records, blockBytes);
        for (let bit = 0; bit < segment.length * 8; bit++) {
          const flipped = segment.slice();
          flipped[bit >> 3]! ^= 1 << (bit & 7);
          expectDecoded(decodeSegment(flipped, blockBytes), flipped, blockBytes, `bit ${bit & 7} of byte ${bit >> 3} flipped`);
        }
      }
      // Fragments in the wrong order, each with a good CRC: only the sequence is wrong.
      const frag = (type: number, payload: number[]): number[] => {
        const crc = crc32c(Uint8Array.from([type, ...payload]));
        return [crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24, payload.length & 0xff, payload.length >>> 8, type, ...payload];
      };
      const cases: [string, number[]][] = [
        ['a MIDDLE first', [...frag(MIDDLE, [1, 2])]],
        ['a LAST first', [...frag(LAST, [1])]],
        ['a FULL inside a record', [...frag(FIRST, [1]), ...frag(FULL, [2])]],
        ['a FIRST inside a record', [...frag(FIRST, [1]), ...frag(FIRST, [2])]],
        ['type 5', [...frag(5, [1])]],
        ['type 255 after a good record', [...frag(FULL, [9]), ...frag(255, [1])]],
        ['type 0 with bytes after it', [...frag(0, [1]), 7]],
        ['a length past the block', [0, 0, 0, 0, 60, 0, FULL, ...new Array(10).fill(1)]],
        // Type 0 is never written: even with a CRC that matches, it is damage (rule 6), inside a record or not.
        ['type 0 with a good CRC inside a record', [...frag(FIRST, [1]), ...frag(0, [2, 3]), ...frag(LAST, [4]), 5]],
        ['type 0 with a good CRC, then a record', [...frag(0, [2, 3]), ...frag(FULL, [4])]],
        // Rule 3 comes before rule 5: an unknown type is corruption even when its payload runs past the end.
        ['type 9 whose payload runs past the end', [...frag(FULL, [9]), 1, 2, 3, 4, 10, 0, 9, 1, 2]],
        ['a length past the block whose payload runs past the end', [...frag(FULL, [9]), 1, 2, 3, 4, 63, 0, FULL, 1]],
      ];
      for (const [what, bytes] of cases) {
        const segment = Uint8Array.from(bytes);
        expectDecoded(decodeSegment(segment, 64), segment, 64, what);
      }
      // A nonzero byte in a block trailer, after a record that leaves 3 bytes of its 16-byte block.
      const trailer = Uint8Array.from([...modelEncode(record(7, 6), 0, 16), 0, 9, 0, ...modelEncode(record(8, 2), 16, 16)]);
      expectDecoded(decodeSegment(trailer, 16), trailer, 16, 'a trailer byte that is not zero');
      // A trailer cut short by the end of the bytes is still checked: its bytes must be zero.
      const shortTrailer = Uint8Array.from([...modelEncode(record(7, 6), 0, 16), 0, 9]);
      expectDecoded(decodeSegment(shortTrailer, 16), shortTrailer, 16, 'a trailer cut short by the end of the bytes, with a nonzero byte');
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'encodeRecord and decodeSegment reject a bad offset, block size or argument type, and accept both ends of each range',
      hint: 'README, WAL-0.1 and WAL-1.3: offset is an integer in [0, 2^53 − 1], blockBytes an integer in [8, 32768]; a record or bytes that is not a Uint8Array is a TypeError naming it.',
      clauses: ['WAL-0.1', 'WAL-1.3'],
    },
    (t) => {
      const { encodeRecord, decodeSegment } = suite.impl();
      void t;
      const r = record(1, 3);
      for (const offset of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '3' as unknown as number]) {
        expectRangeError(`encodeRecord(record, ${String(offset)}, 16)`, () => encodeRecord(r, offset, 16), 'offset');
      }
      for (const blockBytes of [7, 32_769, 16.5, 0, -8, Number.NaN]) {
        expectRangeError(`encodeRecord(record, 0, ${blockBytes})`, () => encodeRecord(r, 0, blockBytes), 'blockBytes');
        expectRangeError(`decodeSegment(bytes, ${blockBytes})`, () => decodeSegment(new Uint8Array(0), blockBytes), 'blockBytes');
      }
      for (const bad of ['abc', [1, 2], null, new DataView(new ArrayBuffer(2)), new Uint16Array(2)]) {
        expectTypeError(`encodeRecord(${describeError(bad)}, 0, 16)`, () => encodeRecord(bad as unknown as Uint8Array, 0, 16), 'record');
        expectTypeError(`decodeSegment(${describeError(bad)}, 16)`, () => decodeSegment(bad as unknown as Uint8Array, 16), 'bytes');
      }
      // Both ends of each range are accepted.
      expect(hex(encodeRecord(r, 2 ** 53 - 1, 8)), 'encodeRecord at offset 2^53 − 1, blockBytes 8').toBe(hex(modelEncode(r, 2 ** 53 - 1, 8)));
      expect(hex(encodeRecord(r, 0, 32_768)), 'encodeRecord with blockBytes 32768').toBe(hex(modelEncode(r, 0, 32_768)));
      const segment = modelSegment([r, record(2, 20)], 8);
      expectDecoded(decodeSegment(segment, 8), segment, 8, 'blockBytes 8');
      // A Uint8Array subclass is a Uint8Array.
      expect(hex(encodeRecord(Buffer.from(r), 0, 16)), 'a Buffer').toBe(hex(modelEncode(r, 0, 16)));
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'what encodeRecord and decodeSegment return is new: changing it, or their arguments afterwards, changes nothing else',
      hint: 'README, WAL-0.4: return new arrays, never a view of the bytes you were given or of a buffer you keep.',
      clauses: ['WAL-0.4'],
    },
    (t) => {
      const { encodeRecord, decodeSegment } = suite.impl();
      void t;
      const r = record(5, 20);
      const first = encodeRecord(r, 0, 16);
      first.fill(0xee);
      expect(hex(encodeRecord(r, 0, 16)), 'encodeRecord after the caller wrote over its last result').toBe(hex(modelEncode(r, 0, 16)));
      r.fill(1);
      expect(hex(first), 'what encodeRecord returned, after the caller changed the record').toBe(hex(new Uint8Array(first.length).fill(0xee)));
      const segment = modelSegment([record(1, 4), record(2, 40), record(3, 0)], 16);
      const kept = segment.slice();
      const decoded = decodeSegment(segment, 16);
      const copies = decoded.records.map((x) => x.slice());
      segment.fill(0x33);
      expectRecords(decoded.records, copies, 'the records decodeSegment returned, after the caller wrote over the segment it read');
      for (const x of decoded.records) x.fill(0x44);
      expectRecords(decodeSegment(kept, 16).records, copies, 'decodeSegment again, after the caller wrote over the records it returned');
      // A Node Buffer is a Uint8Array whose slice() is a view of the same memory: the records must still be copies.
      const buffer = Buffer.from(kept);
      const fromBuffer = decodeSegment(buffer, 16);
      buffer.fill(0x55);
      expectRecords(fromBuffer.records, copies, 'the records decodeSegment returned from a Buffer, after the caller wrote over the Buffer');
    },
  );
});

