/**
 * The Bloom filter's contract ledger: every clause of its README and stub doc
 * comments, by id (harness/suite/ledger.ts). The README has each in full.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('bloom-filter', [
  { id: 'BF-0.1', summary: 'every argument error is a RangeError whose message names the argument' },
  { id: 'BF-0.2', summary: 'every error message says what was wrong; none is empty' },
  {
    id: 'BF-0.3',
    summary: 'murmur3.ts is provided: call it, do not edit it',
    ungraded: 'the grader always loads its own copy of murmur3.ts, so an edited one changes nothing a test can see',
  },

  { id: 'BF-1.1', summary: 'optimalParameters: bits is exactly ⌈−n·ln p / (ln 2)²⌉, and 1 when that quotient rounds to 0' },
  { id: 'BF-1.2', summary: 'optimalParameters: hashes = round(bits / n · ln 2) of the returned bits, clamped to [1, 255]' },
  { id: 'BF-1.3', summary: 'optimalParameters returns its own object: a later call never changes an earlier result' },
  { id: 'BF-1.4', summary: 'forCapacity builds an empty filter of optimalParameters’ shape and throws what it throws' },
  { id: 'BF-1.5', summary: 'expectedFalsePositiveRate is (1 − e^(−k·n/m))^k within 10⁻⁹ relative, for every argument in range' },
  { id: 'BF-1.6', summary: 'expectedFalsePositiveRate is exactly 0 for 0 items' },
  { id: 'BF-1.7', summary: 'expectedItems: a finite number > 0 (ends included), else a RangeError naming it' },
  { id: 'BF-1.8', summary: 'falsePositiveRate: strictly between 0 and 1 (ends included), else a RangeError naming it' },
  { id: 'BF-1.9', summary: 'bits an integer in [1, 2³² − 1], hashes an integer in [1, 255], else a RangeError naming it' },
  { id: 'BF-1.10', summary: 'items: a finite number ≥ 0, fractions included, else a RangeError naming it' },
  { id: 'BF-1.11', summary: 'a result above 2³² − 1 bits is a RangeError naming bits, from optimalParameters and forCapacity' },

  { id: 'BF-2.1', summary: 'the constructor builds an empty filter, rejects bits or hashes out of range naming it, accepts both ends' },
  { id: 'BF-2.2', summary: 'bits and hashes are the shape it was built with, the same at every read' },
  { id: 'BF-2.3', summary: 'a string key is hashed as its UTF-8 bytes: a string and its UTF-8 bytes are the same key' },
  { id: 'BF-2.4', summary: 'a lone surrogate encodes as U+FFFD (ef bf bd), as TextEncoder writes it' },
  { id: 'BF-2.5', summary: 'a Uint8Array key is the bytes it views, from its byteOffset, whatever else its buffer holds' },
  { id: 'BF-2.6', summary: 'add, has and indexes never change a key’s bytes nor keep a reference to them' },
  { id: 'BF-2.7', summary: 'indexes(key) are (h1 + i·h2) mod bits over murmur3(bytes, 0) and (bytes, 1), k of them, in order' },
  { id: 'BF-2.8', summary: 'the index arithmetic is exact: h1 + i·h2 is not truncated to 32 bits' },
  { id: 'BF-2.9', summary: 'indexes returns a new array each call: changing it changes neither the filter nor a later result' },
  { id: 'BF-2.10', summary: 'add sets the key’s bits; afterwards has(key) is true forever (no false negatives)' },
  { id: 'BF-2.11', summary: 'has(key) is true exactly when all k bits of the key are set' },
  { id: 'BF-2.12', summary: 'has and indexes change nothing' },
  { id: 'BF-2.13', summary: 'exactly two murmur3 calls per add, has or indexes, whatever k is' },

  { id: 'BF-3.1', summary: 'a.union(b) is a new filter with every key of both: the bitwise OR' },
  { id: 'BF-3.2', summary: 'a.intersect(b) is a new filter with every key present in both: the bitwise AND' },
  { id: 'BF-3.3', summary: 'union and intersect leave both operands unchanged' },
  { id: 'BF-3.4', summary: 'the result shares no storage with either operand; a.union(a) is a copy of a' },
  { id: 'BF-3.5', summary: 'filters of different shapes do not combine: a RangeError naming the bits and hashes of both' },

  { id: 'BF-4.1', summary: 'toBytes writes the FLBF version 1 header: magic, version 01, bits big-endian unsigned, hashes' },
  { id: 'BF-4.2', summary: 'the bit array follows: ⌈m/8⌉ bytes, least significant bit first, nothing after it' },
  { id: 'BF-4.3', summary: 'bits past m in the last byte are 0' },
  { id: 'BF-4.4', summary: 'the bytes depend only on the shape and the set bits, never on the order of adds' },
  { id: 'BF-4.5', summary: 'toBytes returns a new array each call: changing it changes neither the filter nor a later result' },
  { id: 'BF-4.6', summary: 'fromBytes copies its input: changing it afterwards, header included, changes nothing' },
  { id: 'BF-4.7', summary: 'fromBytes reads every well-formed input of every shape: same shape, same has(), same bytes again' },
  { id: 'BF-4.8', summary: 'the input of fromBytes may be a view into a larger buffer (byteOffset > 0)' },
  { id: 'BF-4.9', summary: 'fromBytes rejects fewer than 10 bytes with a RangeError' },
  { id: 'BF-4.10', summary: 'fromBytes rejects a wrong magic or any version other than 01 with a RangeError' },
  { id: 'BF-4.11', summary: 'fromBytes rejects 0 bits or 0 hashes with a RangeError' },
  { id: 'BF-4.12', summary: 'fromBytes rejects a length other than 10 + ⌈m/8⌉, shorter or longer, with a RangeError' },
  { id: 'BF-4.13', summary: 'fromBytes rejects a padding bit set with a RangeError' },
]);
