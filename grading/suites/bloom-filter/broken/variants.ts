/** The known-wrong Bloom filters, and the graded tests each one must fail. */
export interface BrokenVariant {
  readonly file: string;
  readonly mistake: string;
  readonly mustFail: readonly string[];
  /** The README clauses (grading/suites/bloom-filter/ledger.ts) the mistake breaks. */
  readonly clauses: readonly string[];
}

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
    file: 'same-hash-k-times.ts',
    mistake: 'uses one hash k times: every index is h1 mod bits',
    mustFail: [graded.indexes, graded.falsePositiveRate, graded.twoHashCalls],
    clauses: ['BF-2.7', 'BF-2.13'],
  },
  {
    file: 'k-seeded-hashes.ts',
    mistake: 'calls murmur3(bytes, i) for each of the k indexes instead of double hashing',
    mustFail: [graded.twoHashCalls, graded.indexes],
    clauses: ['BF-2.7', 'BF-2.13'],
  },
  {
    file: 'log10-sizing.ts',
    mistake: 'sizes bits with log10 instead of the natural logarithm (2.3 times too many bits)',
    mustFail: [graded.bits],
    clauses: ['BF-1.1'],
  },
  {
    file: 'wraps-32-bit.ts',
    mistake: 'wraps h1 + i·h2 to 32 bits before the modulus',
    mustFail: [graded.indexes],
    clauses: ['BF-2.8'],
  },
  {
    file: 'negative-index.ts',
    mistake: 'truncates h1 + i·h2 with | 0, so indexes go negative and their bits are never set',
    mustFail: [graded.noFalseNegatives, graded.indexes],
    clauses: ['BF-2.8', 'BF-2.10'],
  },
  {
    file: 'prefix-only.ts',
    mistake: 'hashes only the first 4 bytes of the key',
    mustFail: [graded.falsePositiveRate, graded.indexes],
    clauses: ['BF-2.7'],
  },
  {
    file: 'has-any-bit.ts',
    mistake: 'has() is true when any one of the k bits is set, not all of them',
    mustFail: [graded.falsePositiveRate, graded.allKBits],
    clauses: ['BF-2.11'],
  },
  {
    file: 'union-with-and.ts',
    mistake: 'union() combines the bit arrays with AND instead of OR',
    mustFail: [graded.union],
    clauses: ['BF-3.1'],
  },
  {
    file: 'union-mutates.ts',
    mistake: 'union() ORs the other filter into this one and returns this',
    mustFail: [graded.operandsUnchanged],
    clauses: ['BF-3.3'],
  },
  {
    file: 'utf16-keys.ts',
    mistake: 'hashes strings as UTF-16 code units truncated to bytes, not as UTF-8',
    mustFail: [graded.utf8Key, graded.indexes],
    clauses: ['BF-2.3'],
  },
  {
    file: 'msb-first-bytes.ts',
    mistake: 'stores bit i at mask 0x80 >> (i mod 8), most significant bit first, not the documented LSB first',
    mustFail: [graded.format],
    clauses: ['BF-4.2'],
  },
  {
    file: 'no-argument-checks.ts',
    mistake: 'validates no argument of optimalParameters, expectedFalsePositiveRate or the constructor',
    mustFail: [graded.sizingErrors, graded.constructorErrors],
    clauses: ['BF-0.1', 'BF-1.7', 'BF-1.8', 'BF-1.9', 'BF-1.10', 'BF-2.1'],
  },
  {
    file: 'short-bit-array.ts',
    mistake: 'allocates Math.floor(bits / 8) bytes, so the last bits % 8 positions are dropped',
    mustFail: [graded.noFalseNegatives, graded.format],
    clauses: ['BF-2.10', 'BF-4.2'],
  },
  {
    file: 'dataview-ignores-offset.ts',
    mistake: 'reads the header through new DataView(bytes.buffer), ignoring the view\'s byteOffset',
    mustFail: [graded.roundTrip],
    clauses: ['BF-4.8'],
  },
  {
    file: 'from-bytes-aliases.ts',
    mistake: 'fromBytes keeps a view of the caller\'s bytes instead of a copy',
    mustFail: [graded.copies],
    clauses: ['BF-4.6'],
  },
  {
    file: 'round-bits.ts',
    mistake: 'rounds the sizing quotient to the nearest integer instead of up',
    mustFail: [graded.bits],
    clauses: ['BF-1.1'],
  },
  {
    file: 'zero-bits-underflow.ts',
    mistake: 'returns 0 bits when a subnormal n underflows the sizing quotient to 0',
    mustFail: [graded.bits],
    clauses: ['BF-1.1'],
  },
  {
    file: 'no-hash-cap.ts',
    mistake: 'clamps hashes to at least 1 but not to at most 255',
    mustFail: [graded.hashes],
    clauses: ['BF-1.2'],
  },
  {
    file: 'shared-parameters.ts',
    mistake: 'optimalParameters returns one shared object, overwritten by every call',
    mustFail: [graded.hashes],
    clauses: ['BF-1.3'],
  },
  {
    file: 'naive-fp-rate.ts',
    mistake: 'computes 1 − e^(−x) as 1 - Math.exp(-x), losing its digits for a small x',
    mustFail: [graded.rate],
    clauses: ['BF-1.5'],
  },
  {
    file: 'range-ends-excluded.ts',
    mistake: 'rejects the top of each integer range: 2^32 − 1 bits and 255 hashes',
    mustFail: [graded.rate, graded.constructorErrors],
    clauses: ['BF-1.9', 'BF-2.1'],
  },
  {
    file: 'cesu-surrogates.ts',
    mistake: 'encodes strings one UTF-16 unit at a time, a lone surrogate as its own three bytes instead of U+FFFD',
    mustFail: [graded.utf8Key, graded.indexes],
    clauses: ['BF-2.4'],
  },
  {
    file: 'key-whole-buffer.ts',
    mistake: 'hashes a byte key as its whole buffer, ignoring byteOffset and byteLength',
    mustFail: [graded.indexes, graded.addHasSession],
    clauses: ['BF-2.5'],
  },
  {
    file: 'signed-byte-index.ts',
    mistake: 'finds the byte of bit i with the signed shift i >> 3, negative from 2^31 on',
    mustFail: [graded.noFalseNegatives, graded.addHasSession],
    clauses: ['BF-2.10'],
  },
  {
    file: 'indexes-scratch-array.ts',
    mistake: 'indexes returns one scratch array, overwritten by the next call',
    mustFail: [graded.addHasSession],
    clauses: ['BF-2.9'],
  },
  {
    file: 'union-returns-operand.ts',
    mistake: 'union with an empty filter returns the other operand itself, not a new filter',
    mustFail: [graded.combineSession],
    clauses: ['BF-3.4'],
  },
  {
    file: 'shape-message-bits-only.ts',
    mistake: 'the shape error names each filter’s bits but not its hashes',
    mustFail: [graded.shapeError],
    clauses: ['BF-3.5'],
  },
  {
    file: 'to-bytes-cached.ts',
    mistake: 'toBytes returns the same cached array until the next add',
    mustFail: [graded.copies, graded.byteSession],
    clauses: ['BF-4.5'],
  },
  {
    file: 'padding-check-full-byte.ts',
    mistake: 'the padding check shifts by bits % 8, so a full last byte (bits a multiple of 8) is rejected',
    mustFail: [graded.roundTrip],
    clauses: ['BF-4.7'],
  },
  {
    file: 'version-zero-accepted.ts',
    mistake: 'fromBytes rejects only versions above 1, so version 0 is read as 1',
    mustFail: [graded.rejects],
    clauses: ['BF-4.10'],
  },
  {
    file: 'header-read-lazily.ts',
    mistake: 'fromBytes leaves hashes as a getter over the caller’s bytes',
    mustFail: [graded.copies],
    clauses: ['BF-4.6'],
  },
];
