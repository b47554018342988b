/** The known-wrong Bloom filters, and the graded tests each one must fail. */
export interface BrokenVariant {
  readonly file: string;
  readonly mistake: string;
  readonly mustFail: readonly string[];
}

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  noFalseNegatives: 'every added key is reported present (no false negatives)',
  indexes: 'indexes(key) are (h1 + i·h2) mod bits over murmur3 of the key’s UTF-8 bytes',
  falsePositiveRate: 'the false-positive rate at design capacity is within 20 % of (1 − e^(−kn/m))^k',
  utf8Key: 'a string and its UTF-8 bytes are the same key',
  allKBits: 'has(key) is true exactly when all k bits of the key are set',
  twoHashCalls: 'add, has and indexes hash each key exactly twice, whatever k is',
  constructorErrors: 'the constructor rejects bad bits and hashes with a RangeError that names the argument',
  format: 'toBytes writes the FLBF version 1 format byte for byte',
  roundTrip: 'fromBytes(toBytes(f)) answers has() exactly as f does, also from a view into a larger buffer',
  copies: 'toBytes returns a copy, and fromBytes copies its input',
  bits: 'optimalParameters gives ⌈−n·ln p / (ln 2)²⌉ bits, within 1 %',
  sizingErrors: 'bad sizing arguments get a RangeError that names the argument',
  union: 'a union has every key of both filters, and is their bitwise OR',
  operandsUnchanged: 'union and intersect leave both operands unchanged',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    file: 'same-hash-k-times.ts',
    mistake: 'uses one hash k times: every index is h1 mod bits',
    mustFail: [graded.indexes, graded.falsePositiveRate, graded.twoHashCalls],
  },
  {
    file: 'k-seeded-hashes.ts',
    mistake: 'calls murmur3(bytes, i) for each of the k indexes instead of double hashing',
    mustFail: [graded.twoHashCalls, graded.indexes],
  },
  {
    file: 'log10-sizing.ts',
    mistake: 'sizes bits with log10 instead of the natural logarithm (2.3 times too many bits)',
    mustFail: [graded.bits],
  },
  {
    file: 'wraps-32-bit.ts',
    mistake: 'wraps h1 + i·h2 to 32 bits before the modulus',
    mustFail: [graded.indexes],
  },
  {
    file: 'negative-index.ts',
    mistake: 'truncates h1 + i·h2 with | 0, so indexes go negative and their bits are never set',
    mustFail: [graded.noFalseNegatives, graded.indexes],
  },
  {
    file: 'prefix-only.ts',
    mistake: 'hashes only the first 4 bytes of the key',
    mustFail: [graded.falsePositiveRate, graded.indexes],
  },
  {
    file: 'has-any-bit.ts',
    mistake: 'has() is true when any one of the k bits is set, not all of them',
    mustFail: [graded.falsePositiveRate, graded.allKBits],
  },
  {
    file: 'union-with-and.ts',
    mistake: 'union() combines the bit arrays with AND instead of OR',
    mustFail: [graded.union],
  },
  {
    file: 'union-mutates.ts',
    mistake: 'union() ORs the other filter into this one and returns this',
    mustFail: [graded.operandsUnchanged],
  },
  {
    file: 'utf16-keys.ts',
    mistake: 'hashes strings as UTF-16 code units truncated to bytes, not as UTF-8',
    mustFail: [graded.utf8Key, graded.indexes],
  },
  {
    file: 'msb-first-bytes.ts',
    mistake: 'stores bit i at mask 0x80 >> (i mod 8), most significant bit first, not the documented LSB first',
    mustFail: [graded.format],
  },
  {
    file: 'no-argument-checks.ts',
    mistake: 'validates no argument of optimalParameters, expectedFalsePositiveRate or the constructor',
    mustFail: [graded.sizingErrors, graded.constructorErrors],
  },
  {
    file: 'short-bit-array.ts',
    mistake: 'allocates Math.floor(bits / 8) bytes, so the last bits % 8 positions are dropped',
    mustFail: [graded.noFalseNegatives, graded.format],
  },
  {
    file: 'dataview-ignores-offset.ts',
    mistake: 'reads the header through new DataView(bytes.buffer), ignoring the view\'s byteOffset',
    mustFail: [graded.roundTrip],
  },
  {
    file: 'from-bytes-aliases.ts',
    mistake: 'fromBytes keeps a view of the caller\'s bytes instead of a copy',
    mustFail: [graded.copies],
  },
];
