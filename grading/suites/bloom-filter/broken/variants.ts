/**
 * Our known-wrong Bloom filters, and the graded tests each one must fail. Each
 * is `<name>.patch` beside this file: what the mistake is and where it shipped,
 * its clause ids, then a diff over the reference solution (solutions/bloom-
 * filter/) that makes it (grading/variants/patch.ts). `npm run variant --
 * bloom-filter <name>` prints the whole file a learner would have written. The
 * first tests named are the rule the mistake breaks; any others are tests it
 * also fails, each of them at seed 1.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  noFalseNegatives: 'every added key is reported present (no false negatives)',
  indexes: 'indexes(key) are (h1 + i·h2) mod bits over murmur3 of the key’s UTF-8 bytes',
  falsePositiveRate: 'the false-positive rate at design capacity is within 20 % of (1 − e^(−kn/m))^k',
  utf8Key: 'a string and its UTF-8 bytes are the same key, a lone surrogate being U+FFFD',
  allKBits: 'has(key) is true exactly when all k bits of the key are set',
  twoHashCalls: 'add, has and indexes hash each key exactly twice, whatever k is',
  constructorErrors: 'the constructor rejects bad bits and hashes with a RangeError that names the argument, and accepts both ends of each range',
  addHasSession:
    'add, has, indexes and the shape agree with a model filter over a whole session, with every kind of key, both ends of both ranges, and keys and results reused by the caller',
  format: 'toBytes writes the FLBF version 1 format byte for byte',
  roundTrip: 'fromBytes(toBytes(f)) answers has() exactly as f does, also from a view into a larger buffer',
  copies: 'toBytes returns a copy, and fromBytes copies its input',
  bits: 'optimalParameters gives exactly ⌈−n·ln p / (ln 2)²⌉ bits, at least 1, and a RangeError naming bits above 2³² − 1',
  hashes: 'optimalParameters picks hashes = round(bits / n · ln 2) within [1, 255] in a new object each call, and forCapacity uses those parameters',
  rate: 'expectedFalsePositiveRate is (1 − e^(−k·n/m))^k to within 10⁻⁹, over the whole of every range, and 0 for 0 items',
  sizingErrors: 'bad sizing arguments get a RangeError that names the argument',
  union: 'a union has every key of both filters, and is their bitwise OR',
  operandsUnchanged: 'union and intersect leave both operands unchanged',
  combineSession: 'union and intersect results are new filters that share nothing with their operands, over any session of adds and combinations',
  shapeError: 'combining filters of different shapes throws a RangeError naming both shapes',
  rejects: 'fromBytes rejects malformed bytes with a RangeError',
  byteSession: 'toBytes, fromBytes, add and has agree with a model over a whole session, with every array on the caller’s side reused by the caller',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: 'same-hash-k-times',
    mistake: 'uses one hash k times: every index is h1 mod bits',
    mustFail: [graded.indexes, graded.falsePositiveRate, graded.twoHashCalls],
    clauses: ['BF-2.7', 'BF-2.13'],
  },
  {
    name: 'k-seeded-hashes',
    mistake: 'calls murmur3(bytes, i) for each of the k indexes instead of double hashing',
    mustFail: [graded.twoHashCalls, graded.indexes],
    clauses: ['BF-2.7', 'BF-2.13'],
  },
  {
    name: 'log10-sizing',
    mistake: 'sizes bits with log10 instead of the natural logarithm (2.3 times too many bits)',
    mustFail: [graded.bits],
    clauses: ['BF-1.1'],
  },
  {
    name: 'wraps-32-bit',
    mistake: 'wraps h1 + i·h2 to 32 bits before the modulus',
    mustFail: [graded.indexes],
    clauses: ['BF-2.8'],
  },
  {
    name: 'negative-index',
    mistake: 'truncates h1 + i·h2 with | 0, so indexes go negative and their bits are never set',
    mustFail: [graded.noFalseNegatives, graded.indexes],
    clauses: ['BF-2.8', 'BF-2.10'],
  },
  {
    name: 'prefix-only',
    mistake: 'hashes only the first 4 bytes of the key',
    mustFail: [graded.falsePositiveRate, graded.indexes],
    clauses: ['BF-2.7'],
  },
  {
    name: 'has-any-bit',
    mistake: 'has() is true when any one of the k bits is set, not all of them',
    mustFail: [graded.falsePositiveRate, graded.allKBits],
    clauses: ['BF-2.11'],
  },
  {
    name: 'union-with-and',
    mistake: 'union() combines the bit arrays with AND instead of OR',
    mustFail: [graded.union],
    clauses: ['BF-3.1'],
  },
  {
    name: 'union-mutates',
    mistake: 'union() ORs the other filter into this one and returns this',
    mustFail: [graded.operandsUnchanged],
    clauses: ['BF-3.3'],
  },
  {
    name: 'utf16-keys',
    mistake: 'hashes strings as UTF-16 code units truncated to bytes, not as UTF-8',
    mustFail: [graded.utf8Key, graded.indexes],
    clauses: ['BF-2.3'],
  },
  {
    name: 'msb-first-bytes',
    mistake: 'stores bit i at mask 0x80 >> (i mod 8), most significant bit first, not the documented LSB first',
    mustFail: [graded.format],
    clauses: ['BF-4.2'],
  },
  {
    name: 'no-argument-checks',
    mistake: 'validates no argument of optimalParameters, expectedFalsePositiveRate or the constructor',
    mustFail: [graded.sizingErrors, graded.constructorErrors],
    clauses: ['BF-0.1', 'BF-1.7', 'BF-1.8', 'BF-1.9', 'BF-1.10', 'BF-2.1'],
  },
  {
    name: 'short-bit-array',
    mistake: 'allocates Math.floor(bits / 8) bytes, so the last bits % 8 positions are dropped',
    mustFail: [graded.noFalseNegatives, graded.format],
    clauses: ['BF-2.10', 'BF-4.2'],
  },
  {
    name: 'dataview-ignores-offset',
    mistake: 'reads the header through new DataView(bytes.buffer), ignoring the view\'s byteOffset',
    mustFail: [graded.roundTrip],
    clauses: ['BF-4.8'],
  },
  {
    name: 'from-bytes-aliases',
    mistake: 'fromBytes keeps a view of the caller\'s bytes instead of a copy',
    mustFail: [graded.copies],
    clauses: ['BF-4.6'],
  },
  {
    name: 'round-bits',
    mistake: 'rounds the sizing quotient to the nearest integer instead of up',
    mustFail: [graded.bits],
    clauses: ['BF-1.1'],
  },
  {
    name: 'zero-bits-underflow',
    mistake: 'returns 0 bits when a subnormal n underflows the sizing quotient to 0',
    mustFail: [graded.bits],
    clauses: ['BF-1.1'],
  },
  {
    name: 'no-hash-cap',
    mistake: 'clamps hashes to at least 1 but not to at most 255',
    mustFail: [graded.hashes],
    clauses: ['BF-1.2'],
  },
  {
    name: 'shared-parameters',
    mistake: 'optimalParameters returns one shared object, overwritten by every call',
    mustFail: [graded.hashes],
    clauses: ['BF-1.3'],
  },
  {
    name: 'naive-fp-rate',
    mistake: 'computes 1 − e^(−x) as 1 - Math.exp(-x), losing its digits for a small x',
    mustFail: [graded.rate],
    clauses: ['BF-1.5'],
  },
  {
    name: 'range-ends-excluded',
    mistake: 'rejects the top of each integer range: 2^32 − 1 bits and 255 hashes',
    mustFail: [graded.rate, graded.constructorErrors],
    clauses: ['BF-1.9', 'BF-2.1'],
  },
  {
    name: 'cesu-surrogates',
    mistake: 'encodes strings one UTF-16 unit at a time, a lone surrogate as its own three bytes instead of U+FFFD',
    mustFail: [graded.utf8Key, graded.indexes],
    clauses: ['BF-2.4'],
  },
  {
    name: 'key-whole-buffer',
    mistake: 'hashes a byte key as its whole buffer, ignoring byteOffset and byteLength',
    mustFail: [graded.indexes, graded.addHasSession],
    clauses: ['BF-2.5'],
  },
  {
    name: 'signed-byte-index',
    mistake: 'finds the byte of bit i with the signed shift i >> 3, negative from 2^31 on',
    mustFail: [graded.noFalseNegatives, graded.addHasSession],
    clauses: ['BF-2.10'],
  },
  {
    name: 'indexes-scratch-array',
    mistake: 'indexes returns one scratch array, overwritten by the next call',
    mustFail: [graded.addHasSession],
    clauses: ['BF-2.9'],
  },
  {
    name: 'union-returns-operand',
    mistake: 'union with an empty filter returns the other operand itself, not a new filter',
    mustFail: [graded.combineSession],
    clauses: ['BF-3.4'],
  },
  {
    name: 'shape-message-bits-only',
    mistake: 'the shape error names each filter’s bits but not its hashes',
    mustFail: [graded.shapeError],
    clauses: ['BF-3.5'],
  },
  {
    name: 'to-bytes-cached',
    mistake: 'toBytes returns the same cached array until the next add',
    mustFail: [graded.copies, graded.byteSession],
    clauses: ['BF-4.5'],
  },
  {
    name: 'padding-check-full-byte',
    mistake: 'the padding check shifts by bits % 8, so a full last byte (bits a multiple of 8) is rejected',
    mustFail: [graded.roundTrip],
    clauses: ['BF-4.7'],
  },
  {
    name: 'version-zero-accepted',
    mistake: 'fromBytes rejects only versions above 1, so version 0 is read as 1',
    mustFail: [graded.rejects],
    clauses: ['BF-4.10'],
  },
  {
    name: 'header-read-lazily',
    mistake: 'fromBytes leaves hashes as a getter over the caller’s bytes',
    mustFail: [graded.copies],
    clauses: ['BF-4.6'],
  },
];
