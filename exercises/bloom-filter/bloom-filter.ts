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
import { NotImplementedError } from '@faultline/harness';
// Task 2 needs the provided hash; uncomment when you get there:
// import { murmur3 } from './murmur3';

/** A key: a string (hashed as its UTF-8 bytes) or raw bytes. `"é"` and `Uint8Array [0xc3, 0xa9]` are the same key. */
export type Key = string | Uint8Array;

/** The shape of a filter. */
export interface BloomParameters {
  /** m: the number of bits, an integer in [1, 2^32 − 1]. */
  readonly bits: number;
  /** k: the number of bit positions each key sets, an integer in [1, 255]. */
  readonly hashes: number;
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
  throw new NotImplementedError(`optimalParameters(${expectedItems}, ${falsePositiveRate})`);
}

/**
 * Task 1. The false-positive rate to expect from a filter of `bits` and
 * `hashes` holding `items` distinct keys: (1 − e^(−k·n/m))^k. Zero items give 0.
 *
 * @throws RangeError naming `bits`, `hashes` (integers as in BloomParameters)
 *   or `items` (a finite number >= 0).
 */
export function expectedFalsePositiveRate(bits: number, hashes: number, items: number): number {
  throw new NotImplementedError(`expectedFalsePositiveRate(${bits}, ${hashes}, ${items})`);
}

export class BloomFilter {
  readonly bits: number;
  readonly hashes: number;

  /**
   * An empty filter of `bits` bits that sets `hashes` positions per key.
   * @throws RangeError naming `bits` or `hashes` when not an integer in range (see BloomParameters).
   */
  constructor(bits: number, hashes: number) {
    this.bits = bits;
    this.hashes = hashes;
    throw new NotImplementedError('new BloomFilter(bits, hashes)');
  }

  /** Task 1. An empty filter sized by `optimalParameters(expectedItems, falsePositiveRate)`. */
  static forCapacity(expectedItems: number, falsePositiveRate: number): BloomFilter {
    throw new NotImplementedError(`BloomFilter.forCapacity(${expectedItems}, ${falsePositiveRate})`);
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
    throw new NotImplementedError('BloomFilter.indexes');
  }

  /** Task 2. Sets the bits at `indexes(key)`. Afterwards `has(key)` is true, forever. */
  add(key: Key): void {
    throw new NotImplementedError('BloomFilter.add');
  }

  /**
   * Task 2. True when every bit at `indexes(key)` is set: true for every key
   * ever added (no false negatives), and for a few others (false positives).
   */
  has(key: Key): boolean {
    throw new NotImplementedError('BloomFilter.has');
  }

  /**
   * Task 3. A new filter holding every key of `this` and of `other`: the bitwise OR.
   * Neither operand changes.
   * @throws RangeError naming both shapes when `bits` or `hashes` differ.
   */
  union(other: BloomFilter): BloomFilter {
    throw new NotImplementedError('BloomFilter.union');
  }

  /**
   * Task 3. A new filter that has every key present in both `this` and `other`:
   * the bitwise AND. (It may answer "yes" more often than a filter built from the
   * intersection of the two key sets; README says why.) Neither operand changes.
   * @throws RangeError naming both shapes when `bits` or `hashes` differ.
   */
  intersect(other: BloomFilter): BloomFilter {
    throw new NotImplementedError('BloomFilter.intersect');
  }

  /**
   * Task 4. The filter in the byte format of README.md ("FLBF", version 1):
   * a 10-byte header, then the bit array, least significant bit first.
   * Equal filters give equal bytes, whatever order their keys were added in.
   * Returns a new array: changing it does not change the filter.
   */
  toBytes(): Uint8Array {
    throw new NotImplementedError('BloomFilter.toBytes');
  }

  /**
   * Task 4. The filter that `toBytes` wrote. `fromBytes(f.toBytes())` answers
   * `has` exactly as `f` does. `bytes` may be a view that starts at a
   * `byteOffset` inside a larger buffer; the filter copies what it needs.
   * @throws RangeError when the bytes are not a valid "FLBF" version 1 filter:
   *   short, bad magic or version, zero bits or hashes, wrong length, padding bits set.
   */
  static fromBytes(bytes: Uint8Array): BloomFilter {
    throw new NotImplementedError('BloomFilter.fromBytes');
  }
}
