/**
 * What the Bloom filter suite shares: the learner's module, loaded safely; a
 * dumb, obviously correct oracle of the contract; and the key generators.
 *
 * The oracle is deliberately not the reference solution: it keeps the set bits
 * in a Set and computes indexes with BigInt, so a wrap-around or rounding
 * mistake in number arithmetic cannot hide by being shared.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { codePointString, gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';
import { murmur3 } from '../../../exercises/bloom-filter/murmur3';

export type BloomModule = typeof import('@impl/bloom-filter');
export type Key = string | Uint8Array;

/** One graded suite per test file; each loads the learner's module in its own beforeAll. */
export const bloomSuite = () => gradedSuite<BloomModule>(exerciseSpec('bloom-filter'), () => import('@impl/bloom-filter'));

const utf8 = new TextEncoder();
export const keyBytes = (key: Key): Uint8Array => (typeof key === 'string' ? utf8.encode(key) : key);

export function oracleIndexes(key: Key, bits: number, hashes: number): number[] {
  const bytes = keyBytes(key);
  const h1 = BigInt(murmur3(bytes, 0));
  const h2 = BigInt(murmur3(bytes, 1));
  const m = BigInt(bits);
  return Array.from({ length: hashes }, (_, i) => Number((h1 + BigInt(i) * h2) % m));
}

export class OracleFilter {
  readonly set = new Set<number>();

  constructor(
    readonly bits: number,
    readonly hashes: number,
  ) {}

  add(key: Key): void {
    for (const i of oracleIndexes(key, this.bits, this.hashes)) this.set.add(i);
  }

  has(key: Key): boolean {
    return oracleIndexes(key, this.bits, this.hashes).every((i) => this.set.has(i));
  }

}

/**
 * The FLBF version 1 bytes of a filter with `setBits` set, written field by
 * field from the README's table.
 */
export function formatBytes(bits: number, hashes: number, setBits: Iterable<number>): Uint8Array {
  const header = [0x46, 0x4c, 0x42, 0x46, 1, (bits >>> 24) & 0xff, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff, bits & 0xff, hashes];
  const out = new Uint8Array(header.length + Math.ceil(bits / 8));
  out.set(header);
  for (const i of setBits) out[header.length + Math.floor(i / 8)]! |= 1 << i % 8;
  return out;
}

/** Optimal bits for n keys at rate p, before rounding: −n·ln p / (ln 2)². */
export const optimalBits = (n: number, p: number): number => (-n * Math.log(p)) / (Math.LN2 * Math.LN2);

/**
 * Strings of UTF-16 code units, lone surrogates included: high and low halves
 * alone, in the wrong order, and now and then a valid pair, among ASCII and
 * two- and three-byte characters. TextEncoder writes each lone half as U+FFFD.
 */
export const surrogateStringArb: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('a', 'é', '€', '\u{1f600}', '\ud83d', '\ude00'),
  ),
  minLength: 1,
  maxLength: 8,
});

/**
 * `bytes` as a caller often holds them: a view at `before` bytes into a larger
 * buffer whose other bytes are not part of the key.
 */
export function viewOf(bytes: Uint8Array, before: number, after: number): Uint8Array {
  const buffer = new Uint8Array(before + bytes.length + after);
  for (let i = 0; i < buffer.length; i++) buffer[i] = (i * 37 + 11) & 0xff;
  buffer.set(bytes, before);
  return buffer.subarray(before, before + bytes.length);
}

/** Byte keys that are views into larger buffers (byteOffset > 0), and Node Buffers (usually slices of a shared pool). */
export const viewKeyArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .tuple(fc.uint8Array({ maxLength: 48 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 16 }))
    .map(([bytes, before, after]) => viewOf(bytes, before, after)),
  fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes)),
);

/**
 * Keys of every kind a storage engine meets: the empty string, ASCII, any
 * Unicode (emoji, combining marks), lone surrogates, long strings (up to 4 000
 * characters, shrinking towards short ones), and bytes, also as views into
 * larger buffers.
 */
export const keyArb: fc.Arbitrary<Key> = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  codePointString({ maxLength: 12 }),
  surrogateStringArb,
  fc.string({ maxLength: 4000, size: 'max' }),
  fc.uint8Array({ maxLength: 48 }),
  viewKeyArb,
);

/** A filter shape small enough to build thousands of times, including the degenerate 1-bit filter. */
export const shapeArb = fc.record({
  bits: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 1 << 20 })),
  hashes: fc.integer({ min: 1, max: 16 }),
});

export const describeKey = (key: Key): string =>
  typeof key === 'string'
    ? JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)
    : `bytes [${Array.from(key.subarray(0, 16)).join(', ')}${key.length > 16 ? ', …' : ''}]${key.byteOffset > 0 ? ` (a view at byte offset ${key.byteOffset})` : ''}`;

export const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** Compares two byte strings; on a mismatch, says where they first differ instead of printing both in full. */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  let at = 0;
  while (at < actual.length && at < expected.length && actual[at] === expected[at]) at++;
  if (at === actual.length && at === expected.length) return;
  const window = (bytes: Uint8Array) => hex(bytes.subarray(Math.max(0, at - 4), at + 8));
  expect.fail(
    `${what}: ${actual.length} bytes, expected ${expected.length}; first difference at byte ${at}\n` +
      `  got      …${window(actual)}\n  expected …${window(expected)}`,
  );
}

export { expectRangeError } from '../../../harness/suite';
