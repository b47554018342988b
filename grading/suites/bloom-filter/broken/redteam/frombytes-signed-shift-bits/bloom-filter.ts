/**
 * Bloom filter — your file. Replace each `throw new NotImplementedError(...)`
 * with an implementation; keep the exports and their signatures.
 *
 * A Bloom filter answers "might this key be in the set?" in a few bits per
 * key: "no" is always right, "yes" is wrong with a small probability you
 * choose. Cassandra, RocksDB and Bigtable keep one per SSTable so that a read
 * skips the files that cannot hold its key. README.md has the tasks, the
 * byte format and hints.
 *
 * Every argument error is a `RangeError` whose message names the argument
 * (`expectedItems`, `falsePositiveRate`, `bits`, `hashes`, `items`).
 */
import { murmur3 } from './murmur3';

/** A key: a string (hashed as its UTF-8 bytes) or raw bytes. `"é"` and `Uint8Array [0xc3, 0xa9]` are the same key. */
export type Key = string | Uint8Array;

/** The shape of a filter. */
export interface BloomParameters {
  /** m: the number of bits, an integer in [1, 2^32 − 1]. */
  readonly bits: number;
  /** k: the number of bit positions each key sets, an integer in [1, 255]. */
  readonly hashes: number;
}

const MAX_BITS = 2 ** 32 - 1;
const MAX_HASHES = 255;
const HEADER = 10;
const MAGIC = [0x46, 0x4c, 0x42, 0x46];
const VERSION = 1;
const encoder = new TextEncoder();

function checkBits(bits: number): void {
  if (!Number.isInteger(bits) || bits < 1 || bits > MAX_BITS) {
    throw new RangeError(`bits must be an integer in [1, 2^32 − 1], got ${String(bits)}`);
  }
}

function checkHashes(hashes: number): void {
  if (!Number.isInteger(hashes) || hashes < 1 || hashes > MAX_HASHES) {
    throw new RangeError(`hashes must be an integer in [1, 255], got ${String(hashes)}`);
  }
}

function toBytesOfKey(key: Key): Uint8Array {
  return typeof key === 'string' ? encoder.encode(key) : key;
}

/**
 * Task 1. The smallest filter for `expectedItems` keys at `falsePositiveRate`:
 *
 *   bits   = ⌈ −n · ln p / (ln 2)² ⌉
 *   hashes = round(bits / n · ln 2), at least 1 and at most 255
 *
 * @param expectedItems n, a finite number > 0
 * @param falsePositiveRate p, strictly between 0 and 1
 * @throws RangeError naming the argument when either is out of range, or
 *   naming `bits` when the result would exceed 2^32 − 1 bits.
 */
export function optimalParameters(expectedItems: number, falsePositiveRate: number): BloomParameters {
  if (!(Number.isFinite(expectedItems) && expectedItems > 0)) {
    throw new RangeError(`expectedItems must be a finite number > 0, got ${String(expectedItems)}`);
  }
  if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
    throw new RangeError(`falsePositiveRate must be strictly between 0 and 1, got ${String(falsePositiveRate)}`);
  }
  const bits = Math.max(1, Math.ceil((-expectedItems * Math.log(falsePositiveRate)) / (Math.LN2 * Math.LN2))); // at least 1 (BF-1.1): fixed by the maintainer, was 0 for a subnormal n
  if (!(bits <= MAX_BITS)) {
    throw new RangeError(`bits: ${expectedItems} items at ${falsePositiveRate} need ${bits} bits, more than 2^32 − 1`);
  }
  const hashes = Math.min(MAX_HASHES, Math.max(1, Math.round((bits / expectedItems) * Math.LN2)));
  return { bits, hashes };
}

/**
 * Task 1. The false-positive rate to expect from a filter of `bits` and
 * `hashes` holding `items` distinct keys: (1 − e^(−k·n/m))^k. Zero items give 0.
 *
 * @throws RangeError naming `bits`, `hashes` (integers as in BloomParameters)
 *   or `items` (a finite number >= 0).
 */
export function expectedFalsePositiveRate(bits: number, hashes: number, items: number): number {
  checkBits(bits);
  checkHashes(hashes);
  if (!(Number.isFinite(items) && items >= 0)) {
    throw new RangeError(`items must be a finite number >= 0, got ${String(items)}`);
  }
  if (items === 0) return 0;
  return Math.pow(-Math.expm1((-hashes * items) / bits), hashes);
}

export class BloomFilter {
  readonly bits: number;
  readonly hashes: number;
  readonly #array: Uint8Array;

  /**
   * An empty filter of `bits` bits that sets `hashes` positions per key.
   * @throws RangeError naming `bits` or `hashes` when not an integer in range (see BloomParameters).
   */
  constructor(bits: number, hashes: number) {
    checkBits(bits);
    checkHashes(hashes);
    this.bits = bits;
    this.hashes = hashes;
    this.#array = new Uint8Array(Math.ceil(bits / 8));
  }

  /** Task 1. An empty filter sized by `optimalParameters(expectedItems, falsePositiveRate)`. */
  static forCapacity(expectedItems: number, falsePositiveRate: number): BloomFilter {
    const { bits, hashes } = optimalParameters(expectedItems, falsePositiveRate);
    return new BloomFilter(bits, hashes);
  }

  /**
   * Task 2. The `hashes` bit positions of `key`, in order i = 0, 1, …, k − 1
   * (repeats kept), by double hashing (Kirsch & Mitzenmacher, 2006):
   *
   *   bytes = UTF-8 of key (or key itself)
   *   h1 = murmur3(bytes, 0),  h2 = murmur3(bytes, 1)
   *   index_i = (h1 + i · h2) mod bits      — exact integer arithmetic, no 32-bit wrap-around
   *
   * Exactly two calls to `murmur3` per call, whatever `hashes` is. Pure: the filter is unchanged.
   */
  indexes(key: Key): number[] {
    const bytes = toBytesOfKey(key);
    const h1 = murmur3(bytes, 0);
    const h2 = murmur3(bytes, 1);
    const out: number[] = new Array<number>(this.hashes);
    for (let i = 0; i < this.hashes; i++) out[i] = (h1 + i * h2) % this.bits;
    return out;
  }

  /** Task 2. Sets the bits at `indexes(key)`. Afterwards `has(key)` is true, forever. */
  add(key: Key): void {
    const array = this.#array;
    for (const i of this.indexes(key)) array[i >>> 3]! |= 1 << (i & 7);
  }

  /**
   * Task 2. True when every bit at `indexes(key)` is set: true for every key
   * ever added (no false negatives), and for a few others (false positives).
   */
  has(key: Key): boolean {
    const array = this.#array;
    for (const i of this.indexes(key)) {
      if ((array[i >>> 3]! & (1 << (i & 7))) === 0) return false;
    }
    return true;
  }

  /**
   * Task 3. A new filter holding every key of `this` and of `other`: the bitwise OR.
   * Neither operand changes.
   * @throws RangeError naming both shapes when `bits` or `hashes` differ.
   */
  union(other: BloomFilter): BloomFilter {
    return this.#combine(other, 'union', (x, y) => x | y);
  }

  /**
   * Task 3. A new filter that has every key present in both `this` and `other`:
   * the bitwise AND. (It may answer "yes" more often than a filter built from the
   * intersection of the two key sets; README says why.) Neither operand changes.
   * @throws RangeError naming both shapes when `bits` or `hashes` differ.
   */
  intersect(other: BloomFilter): BloomFilter {
    return this.#combine(other, 'intersect', (x, y) => x & y);
  }

  #combine(other: BloomFilter, verb: string, op: (x: number, y: number) => number): BloomFilter {
    if (other.bits !== this.bits || other.hashes !== this.hashes) {
      throw new RangeError(
        `cannot ${verb} filters of different shapes: ${this.bits} bits × ${this.hashes} hashes and ${other.bits} bits × ${other.hashes} hashes`,
      );
    }
    const result = new BloomFilter(this.bits, this.hashes);
    const a = this.#array;
    const b = other.#array;
    const out = result.#array;
    for (let j = 0; j < out.length; j++) out[j] = op(a[j]!, b[j]!);
    return result;
  }

  /**
   * Task 4. The filter in the byte format of README.md ("FLBF", version 1):
   * a 10-byte header, then the bit array, least significant bit first.
   * Equal filters give equal bytes, whatever order their keys were added in.
   * Returns a new array: changing it does not change the filter.
   */
  toBytes(): Uint8Array {
    const out = new Uint8Array(HEADER + this.#array.length);
    out.set(MAGIC, 0);
    out[4] = VERSION;
    new DataView(out.buffer).setUint32(5, this.bits, false);
    out[9] = this.hashes;
    out.set(this.#array, HEADER);
    return out;
  }

  /**
   * Task 4. The filter that `toBytes` wrote. `fromBytes(f.toBytes())` answers
   * `has` exactly as `f` does. `bytes` may be a view that starts at a
   * `byteOffset` inside a larger buffer; the filter copies what it needs.
   * @throws RangeError when the bytes are not a valid "FLBF" version 1 filter:
   *   short, bad magic or version, zero bits or hashes, wrong length, padding bits set.
   */
  static fromBytes(bytes: Uint8Array): BloomFilter {
    if (bytes.length < HEADER) {
      throw new RangeError(`FLBF: need at least ${HEADER} bytes of header, got ${bytes.length}`);
    }
    for (let j = 0; j < MAGIC.length; j++) {
      if (bytes[j] !== MAGIC[j]) throw new RangeError('FLBF: bad magic, expected "FLBF" (46 4c 42 46)');
    }
    if (bytes[4] !== VERSION) throw new RangeError(`FLBF: unsupported version ${bytes[4]}, expected 1`);
    const bits = (bytes[5]! << 24) | (bytes[6]! << 16) | (bytes[7]! << 8) | bytes[8]!;
    const hashes = bytes[9]!;
    if (bits === 0) throw new RangeError('FLBF: bits is 0');
    if (hashes === 0) throw new RangeError('FLBF: hashes is 0');
    const size = Math.ceil(bits / 8);
    if (bytes.length !== HEADER + size) {
      throw new RangeError(`FLBF: ${bits} bits need ${HEADER + size} bytes, got ${bytes.length}`);
    }
    const used = bits % 8;
    if (used !== 0 && (bytes[HEADER + size - 1]! & (0xff << used) & 0xff) !== 0) {
      throw new RangeError(`FLBF: padding bits past bit ${bits} are set`);
    }
    const filter = new BloomFilter(bits, hashes);
    filter.#array.set(bytes.subarray(HEADER, HEADER + size));
    return filter;
  }
}
