/** Staged hints for the Bloom filter (grading/hints/types.ts says how they are used). */
import type { TaskLayout } from './task-code';
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'Read the sizing table again, one symbol at a time: which logarithm is it, and which `m` does the formula for `k` use? Then ask what your functions do with an argument that is not a sensible number at all — `NaN`, `Infinity`, 2.5 hashes — or with a filter that would need more bits than the format can hold.',
      readme: '1. Sizing — 20 points',
    },
    {
      text: '`Math.log` is the natural logarithm; `Math.log10` and `Math.log2` are not (with `log10` the filter gets 2.3 times the bits it needs). `NaN` fails every comparison, so `if (n <= 0) throw …` lets `NaN` through. `hashes` must come from the `bits` you return, after rounding up: the textbook shortcut `round(−log₂ p)` is the same number only before rounding. And for `1 − e^(−x)` with a tiny `x`, `1 - Math.exp(-x)` loses the digits that `-Math.expm1(-x)` keeps. Try the ends of the ranges: `Number.MIN_VALUE` for `n` or `p`, 255 hashes, 2³² − 1 bits.',
    },
    {
      text: 'Test for what is valid and throw a `RangeError` naming the argument otherwise: `Number.isFinite(n) && n > 0` for `expectedItems`, `p > 0 && p < 1` for `falsePositiveRate`, `Number.isInteger(x)` and the range for `bits` ([1, 2³² − 1]) and `hashes` ([1, 255]), `Number.isFinite(items) && items >= 0`. Then `bits = Math.max(1, Math.ceil(-n * Math.log(p) / (Math.LN2 * Math.LN2)))` (the quotient underflows to 0 for a subnormal `n`), a `RangeError` naming `bits` if that exceeds 2³² − 1, and `hashes = Math.min(255, Math.max(1, Math.round(bits / n * Math.LN2)))`. The rate is `Math.pow(-Math.expm1(-hashes * items / bits), hashes)`, which is 0 for 0 items; `forCapacity` builds a filter from `optimalParameters`.',
    },
  ],
  2: [
    {
      text: 'Go through the double-hashing box in the README line by line. Which bytes does a key hash to, how many times is `murmur3` called, and what range must every index fall in? Then ask whether `add` and `has` compute exactly the same k positions for the same key, and what `has` needs to see before it may say "yes".',
      readme: '2. Add and query — 40 points',
    },
    {
      text: 'A false negative means `add` and `has` disagree about a key’s bits, or an index fell outside `[0, bits)`: `(h1 + i * h2) | 0` can be negative, and a typed array silently ignores a write outside its length; a bit array of `Math.floor(bits / 8)` bytes leaves the last few bits with no byte at all. A false-positive rate far above the target means the k indexes are not independent: one hash used k times, only a prefix of the key hashed, or `has` saying "yes" when any one bit is set. `charCodeAt` gives UTF-16 code units, not UTF-8 bytes, and a hand-written encoder must turn a lone surrogate into `ef bf bd`. `new Uint8Array(key.buffer)` hashes the whole buffer behind a view, not the bytes it shows; and above 2³¹ bits, `i >> 3` is negative where `i >>> 3` is not.',
      paper: 'Kirsch & Mitzenmacher 2006, "Less Hashing, Same Performance: Building a Better Bloom Filter"',
    },
    {
      text: 'Turn a string into `new TextEncoder().encode(key)` (a `Uint8Array` key is used as it is), call `murmur3(bytes, 0)` and `murmur3(bytes, 1)` once each, and compute index i as `(h1 + i * h2) % bits` in plain numbers: it stays below 2⁵³, so no `| 0`, `>>> 0` or `Math.imul`. Keep the bits in a `Uint8Array` of `Math.ceil(bits / 8)` bytes, bit i at mask `1 << (i % 8)` of byte `Math.floor(i / 8)` (the layout task 4 writes). `indexes` builds a new array on every call. `add` sets all k; `has` returns `false` at the first clear bit and `true` only after all k are set, and changes nothing. The constructor throws a `RangeError` naming `bits` or `hashes` unless each is an integer in range.',
    },
  ],
  3: [
    {
      text: 'Think about what one bit means: when may bit i of a union be 0, and when may bit i of an intersection be 1? Ask also when bit i of one filter means the same thing as bit i of another, and what the operands should look like after the call.',
      readme: '3. Union and intersection — 20 points',
    },
    {
      text: 'A key of either filter must survive a union, so a bit set in either operand must be set in the result: that is OR, and AND there loses the keys that only one side held. An intersection keeps a key when all its bits are set in both: AND. ORing `other` into `this` and returning `this` gives the right union but changes the left operand, which then claims keys it never held; returning an operand as a shortcut (a union with an empty filter) ties the two together for every later add. Two filters combine only when both `bits` and `hashes` are equal.',
    },
    {
      text: 'First compare shapes: if `other.bits !== this.bits || other.hashes !== this.hashes`, throw a `RangeError` whose message shows both shapes, such as `cannot union filters of different shapes: 1021 bits × 7 hashes and 2039 bits × 7 hashes`. Otherwise build the result in a new filter of the same shape and fill its bytes with `a[j] | b[j]` for a union or `a[j] & b[j]` for an intersection, reading both operands and writing to neither.',
    },
  ],
  4: [
    {
      text: 'Decode the README’s worked example, `46 4c 42 46 01 00 00 00 14 03 40 e4 04`, by hand against the byte table: which bytes are the header, and where do bits 6, 10 and 18 land? Then ask who owns the bytes on each side of `toBytes` and `fromBytes`, and where in its buffer a `Uint8Array` you are given actually starts.',
      readme: '4. Serialisation — 20 points',
    },
    {
      text: 'Bit i is least significant first, at mask `1 << (i mod 8)`: a `0x80 >> (i mod 8)` layout round-trips with itself and still fails the format. A `Uint8Array` is a view that may start at `byteOffset` inside its buffer, so `new DataView(bytes.buffer)` reads `bits` from the wrong place when given a slice of a Node `Buffer` or a file block. And keeping `bytes.subarray(10)` as your bit array, or returning your own (or a cached) array from `toBytes`, shares memory with the caller: when they reuse it, your filter changes. Only version `01` is readable; `00` is as foreign as `02`.',
    },
    {
      text: 'Store the bits in the format’s layout and serialisation is a header plus a copy. `toBytes`: a new `Uint8Array` of 10 + ⌈m/8⌉ bytes, the magic, `01`, `new DataView(out.buffer).setUint32(5, bits, false)` (big-endian), `hashes` at offset 9, then `out.set(array, 10)`. `fromBytes` checks every field before trusting any, each failure a `RangeError`: at least 10 bytes, the magic, the version, `bits` read with `new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5, false)`, neither `bits` nor `hashes` 0, a length of exactly `10 + Math.ceil(bits / 8)`, and the top 8·⌈m/8⌉ − m bits of the last byte all 0. Only then copy the bit array into a new filter.',
    },
  ],
};

/** Which code each task's tests exercise, and which tasks build on which (grading/hints/task-code.ts). */
export const layout: TaskLayout = {
  code: {
    1: ['optimalParameters', 'expectedFalsePositiveRate', 'BloomFilter.forCapacity'],
    2: ['BloomFilter.constructor', 'BloomFilter.indexes', 'BloomFilter.add', 'BloomFilter.has'],
    3: ['BloomFilter.union', 'BloomFilter.intersect'],
    4: ['BloomFilter.toBytes', 'BloomFilter.fromBytes'],
  },
  builtOn: { 3: [2], 4: [2] },
};
