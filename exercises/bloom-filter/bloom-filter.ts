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
 * [BF-0.1] Every argument error is a `RangeError` whose message names the
 * argument (`expectedItems`, `falsePositiveRate`, `bits`, `hashes`, `items`).
 * [BF-0.2] Every error's message says what was wrong; none is empty.
 * [BF-0.3] `murmur3.ts` is provided: call it, do not edit it.
 */
import { NotImplementedError } from '@faultline/harness';
// Task 2 needs the provided hash; uncomment when you get there:
// import { murmur3 } from './murmur3';

/**
 * A key: a string or raw bytes. [BF-2.3] A string is hashed as its UTF-8 bytes:
 * `"é"` and `Uint8Array [0xc3, 0xa9]` are the same key. [BF-2.4] A lone
 * surrogate encodes as U+FFFD (`ef bf bd`), as `TextEncoder` writes it.
 * [BF-2.5] A `Uint8Array` is the bytes it views, from its `byteOffset`.
 * [BF-2.6] The filter never changes a key's bytes and keeps no reference to them.
 */
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
 *   [BF-1.1] bits   = ⌈ −n · ln p / (ln 2)² ⌉, exactly, and at least 1
 *   [BF-1.2] hashes = round(bits / n · ln 2) of those bits, at least 1 and at most 255
 *
 * [BF-1.3] Each call returns its own object.
 *
 * @param expectedItems n, [BF-1.7] a finite number > 0
 * @param falsePositiveRate p, [BF-1.8] strictly between 0 and 1
 * @throws RangeError naming the argument when either is out of range, or
 *   [BF-1.11] naming `bits` when the result would exceed 2^32 − 1 bits.
 */
export function optimalParameters(expectedItems: number, falsePositiveRate: number): BloomParameters {
  throw new NotImplementedError(`optimalParameters(${expectedItems}, ${falsePositiveRate})`);
}

/**
 * Task 1. The false-positive rate to expect from a filter of `bits` and
 * `hashes` holding `items` distinct keys: [BF-1.5] (1 − e^(−k·n/m))^k, to within
 * 10⁻⁹ relative error. [BF-1.6] Zero items give 0.
 *
 * @throws RangeError naming [BF-1.9] `bits`, `hashes` (integers as in BloomParameters)
 *   or [BF-1.10] `items` (a finite number >= 0).
 */
export function expectedFalsePositiveRate(bits: number, hashes: number, items: number): number {
  throw new NotImplementedError(`expectedFalsePositiveRate(${bits}, ${hashes}, ${items})`);
}

export class BloomFilter {
  readonly bits: number;
  readonly hashes: number;

  /**
   * [BF-2.1] An empty filter of `bits` bits that sets `hashes` positions per key.
   * [BF-2.2] `bits` and `hashes` read back as given, at every read.
   * @throws RangeError naming `bits` or `hashes` when not an integer in range (see BloomParameters);
   *   both ends of each range are valid.
   */
  constructor(bits: number, hashes: number) {
    this.bits = bits;
    this.hashes = hashes;
    throw new NotImplementedError('new BloomFilter(bits, hashes)');
  }

  /** Task 1. [BF-1.4] An empty filter sized by `optimalParameters(expectedItems, falsePositiveRate)`; throws what it throws. */
  static forCapacity(expectedItems: number, falsePositiveRate: number): BloomFilter {
    throw new NotImplementedError(`BloomFilter.forCapacity(${expectedItems}, ${falsePositiveRate})`);
  }

  /**
   * Task 2. [BF-2.7] The `hashes` bit positions of `key`, in order i = 0, 1, …, k − 1
   * (repeats kept), by double hashing (Kirsch & Mitzenmacher, 2006):
   *
   *   bytes = UTF-8 of key (or key itself)
   *   h1 = murmur3(bytes, 0),  h2 = murmur3(bytes, 1)
   *   index_i = (h1 + i · h2) mod bits      — [BF-2.8] exact integer arithmetic, no 32-bit wrap-around
   *
   * [BF-2.13] Exactly two calls to `murmur3` per call, whatever `hashes` is.
   * [BF-2.12] Pure: the filter is unchanged. [BF-2.9] Returns a new array each
   * call: changing it changes neither the filter nor a later result.
   */
  indexes(key: Key): number[] {
    throw new NotImplementedError('BloomFilter.indexes');
  }

  /** Task 2. [BF-2.10] Sets the bits at `indexes(key)`. Afterwards `has(key)` is true, forever. */
  add(key: Key): void {
    throw new NotImplementedError('BloomFilter.add');
  }

  /**
   * Task 2. [BF-2.11] True when every bit at `indexes(key)` is set: true for every key
   * ever added (no false negatives), and for a few others (false positives).
   * [BF-2.12] Changes nothing.
   */
  has(key: Key): boolean {
    throw new NotImplementedError('BloomFilter.has');
  }

  /**
   * Task 3. [BF-3.1] A new filter holding every key of `this` and of `other`: the bitwise OR.
   * [BF-3.3] Neither operand changes. [BF-3.4] The result shares no storage with either.
   * @throws RangeError naming both shapes when `bits` or `hashes` differ ([BF-3.5]).
   */
  union(other: BloomFilter): BloomFilter {
    throw new NotImplementedError('BloomFilter.union');
  }

  /**
   * Task 3. [BF-3.2] A new filter that has every key present in both `this` and `other`:
   * the bitwise AND. (It may answer "yes" more often than a filter built from the
   * intersection of the two key sets; README says why.) Neither operand changes,
   * and the result shares no storage with either.
   * @throws RangeError naming both shapes when `bits` or `hashes` differ.
   */
  intersect(other: BloomFilter): BloomFilter {
    throw new NotImplementedError('BloomFilter.intersect');
  }

  /**
   * Task 4. The filter in the byte format of README.md ("FLBF", version 1):
   * [BF-4.1] a 10-byte header, then [BF-4.2] the bit array, least significant bit
   * first, [BF-4.3] its padding bits 0.
   * [BF-4.4] Equal filters give equal bytes, whatever order their keys were added in.
   * [BF-4.5] Returns a new array: changing it changes neither the filter nor a later result.
   */
  toBytes(): Uint8Array {
    throw new NotImplementedError('BloomFilter.toBytes');
  }

  /**
   * Task 4. The filter that `toBytes` wrote. [BF-4.7] `fromBytes(f.toBytes())` has
   * `f`'s shape and answers `has` exactly as `f` does, for every shape. [BF-4.8] `bytes`
   * may be a view that starts at a `byteOffset` inside a larger buffer; [BF-4.6] the
   * filter copies what it needs, and later changes to `bytes` change nothing.
   * @throws RangeError when the bytes are not a valid "FLBF" version 1 filter:
   *   [BF-4.9] short, [BF-4.10] bad magic or any version but 01, [BF-4.11] zero bits or
   *   hashes, [BF-4.12] wrong length, [BF-4.13] padding bits set.
   */
  static fromBytes(bytes: Uint8Array): BloomFilter {
    throw new NotImplementedError('BloomFilter.fromBytes');
  }
}
