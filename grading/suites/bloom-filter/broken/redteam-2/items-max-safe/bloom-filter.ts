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
import { murmur3 } from './murmur3';

/** The largest number of bits a filter (and the FLBF format) can hold: 2^32 − 1. */
const MAX_BITS = 0xffffffff;
/** The largest number of hashes: 255 (one header byte). */
const MAX_HASHES = 255;
/** Bytes per storage chunk; chunks are allocated on first write. */
const CHUNK_SHIFT = 16;
const CHUNK_BYTES = 1 << CHUNK_SHIFT;
const HEADER_BYTES = 10;
const MAGIC = [0x46, 0x4c, 0x42, 0x46] as const; // "FLBF"
const VERSION = 0x01;

const encoder = new TextEncoder();

function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return typeof value;
}

function checkBits(bits: unknown): asserts bits is number {
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 1 || bits > MAX_BITS) {
    throw new RangeError(`bits must be an integer in [1, 2^32 − 1 = ${MAX_BITS}], got ${show(bits)}`);
  }
}

function checkHashes(hashes: unknown): asserts hashes is number {
  if (typeof hashes !== 'number' || !Number.isInteger(hashes) || hashes < 1 || hashes > MAX_HASHES) {
    throw new RangeError(`hashes must be an integer in [1, ${MAX_HASHES}], got ${show(hashes)}`);
  }
}

/** The bytes of a key: UTF-8 of a string, or the bytes a Uint8Array views. */
function keyBytes(key: Key): Uint8Array {
  if (typeof key === 'string') return encoder.encode(key);
  if (key instanceof Uint8Array) return key;
  throw new RangeError(`key must be a string or a Uint8Array, got ${show(key)}`);
}

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
  const n = expectedItems;
  const p = falsePositiveRate;
  if (typeof n !== 'number' || !Number.isFinite(n) || !(n > 0)) {
    throw new RangeError(`expectedItems must be a finite number > 0, got ${show(n)}`);
  }
  if (typeof p !== 'number' || !(p > 0 && p < 1)) {
    throw new RangeError(`falsePositiveRate must be a number strictly between 0 and 1, got ${show(p)}`);
  }
  const bits = Math.max(1, Math.ceil((-n * Math.log(p)) / (Math.LN2 * Math.LN2)));
  if (!(bits <= MAX_BITS)) {
    throw new RangeError(
      `bits: ${show(n)} expected items at a false-positive rate of ${show(p)} need ${show(bits)} bits, more than the maximum of 2^32 − 1 = ${MAX_BITS}`,
    );
  }
  const hashes = Math.min(MAX_HASHES, Math.max(1, Math.round((bits / n) * Math.LN2)));
  return { bits, hashes };
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
  checkBits(bits);
  checkHashes(hashes);
  if (typeof items !== 'number' || !Number.isFinite(items) || !(items >= 0) || items > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`items must be a finite number >= 0, got ${show(items)}`);
  }
  if (items === 0) return 0;
  // 1 − e^(−x) as −expm1(−x): exact to a few ulps even for tiny x.
  const x = (hashes * items) / bits;
  return Math.pow(-Math.expm1(-x), hashes);
}

export class BloomFilter {
  readonly bits: number;
  readonly hashes: number;
  /**
   * The bit array in the FLBF layout (bit i at mask 1 << (i mod 8) of byte ⌊i/8⌋),
   * split into chunks of CHUNK_BYTES bytes; a chunk is null until a bit in it is set,
   * so a filter of 2^32 − 1 bits costs nothing until it is used.
   */
  readonly #chunks: (Uint8Array | null)[];
  /** ⌈bits / 8⌉: the length of the bit array in bytes. */
  readonly #byteLength: number;

  /**
   * [BF-2.1] An empty filter of `bits` bits that sets `hashes` positions per key.
   * [BF-2.2] `bits` and `hashes` read back as given, at every read.
   * @throws RangeError naming `bits` or `hashes` when not an integer in range (see BloomParameters);
   *   both ends of each range are valid.
   */
  constructor(bits: number, hashes: number) {
    checkBits(bits);
    checkHashes(hashes);
    this.bits = bits;
    this.hashes = hashes;
    Object.defineProperty(this, 'bits', { value: bits, writable: false, enumerable: true, configurable: false });
    Object.defineProperty(this, 'hashes', { value: hashes, writable: false, enumerable: true, configurable: false });
    this.#byteLength = Math.ceil(bits / 8);
    this.#chunks = new Array<Uint8Array | null>(Math.ceil(this.#byteLength / CHUNK_BYTES)).fill(null);
  }

  /** Task 1. [BF-1.4] An empty filter sized by `optimalParameters(expectedItems, falsePositiveRate)`; throws what it throws. */
  static forCapacity(expectedItems: number, falsePositiveRate: number): BloomFilter {
    const { bits, hashes } = optimalParameters(expectedItems, falsePositiveRate);
    return new BloomFilter(bits, hashes);
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
    const bytes = keyBytes(key);
    const h1 = murmur3(bytes, 0);
    const h2 = murmur3(bytes, 1);
    const m = this.bits;
    const out = new Array<number>(this.hashes);
    // h1 + i·h2 < 2^32 + 254 · 2^32 < 2^53: exact in a double, no 32-bit wrap-around.
    for (let i = 0; i < this.hashes; i++) out[i] = (h1 + i * h2) % m;
    return out;
  }

  /** The length of a chunk: CHUNK_BYTES, or what is left of the bit array for the last one. */
  #chunkLength(c: number): number {
    return Math.min(CHUNK_BYTES, this.#byteLength - c * CHUNK_BYTES);
  }

  #getBit(i: number): boolean {
    const byte = Math.floor(i / 8);
    const chunk = this.#chunks[Math.floor(byte / CHUNK_BYTES)];
    if (chunk === null || chunk === undefined) return false;
    return (chunk[byte % CHUNK_BYTES]! & (1 << i % 8)) !== 0;
  }

  #setBit(i: number): void {
    const byte = Math.floor(i / 8);
    const c = Math.floor(byte / CHUNK_BYTES);
    let chunk = this.#chunks[c];
    if (chunk === null || chunk === undefined) {
      chunk = new Uint8Array(this.#chunkLength(c));
      this.#chunks[c] = chunk;
    }
    chunk[byte % CHUNK_BYTES]! |= 1 << i % 8;
  }

  #combine(other: BloomFilter, verb: string, op: (a: number, b: number) => number, or: boolean): BloomFilter {
    if (!(other instanceof BloomFilter) || !(#chunks in other)) {
      throw new RangeError(`other must be a BloomFilter to ${verb} with, got ${show(other)}`);
    }
    if (other.bits !== this.bits || other.hashes !== this.hashes) {
      throw new RangeError(
        `cannot ${verb} filters of different shapes: ${this.bits} bits × ${this.hashes} hashes and ${other.bits} bits × ${other.hashes} hashes`,
      );
    }
    const result = new BloomFilter(this.bits, this.hashes);
    const a = this.#chunks;
    const b = other.#chunks;
    for (let c = 0; c < a.length; c++) {
      const x = a[c] ?? null;
      const y = b[c] ?? null;
      if (x === null && y === null) continue;
      if (!or && (x === null || y === null)) continue; // AND with all-zero is all-zero
      const length = this.#chunkLength(c);
      const out = new Uint8Array(length);
      for (let j = 0; j < length; j++) out[j] = op(x === null ? 0 : x[j]!, y === null ? 0 : y[j]!);
      result.#chunks[c] = out;
    }
    return result;
  }

  /** Task 2. [BF-2.10] Sets the bits at `indexes(key)`. Afterwards `has(key)` is true, forever. */
  add(key: Key): void {
    for (const i of this.indexes(key)) this.#setBit(i);
  }

  /**
   * Task 2. [BF-2.11] True when every bit at `indexes(key)` is set: true for every key
   * ever added (no false negatives), and for a few others (false positives).
   * [BF-2.12] Changes nothing.
   */
  has(key: Key): boolean {
    for (const i of this.indexes(key)) {
      if (!this.#getBit(i)) return false;
    }
    return true;
  }

  /**
   * Task 3. [BF-3.1] A new filter holding every key of `this` and of `other`: the bitwise OR.
   * [BF-3.3] Neither operand changes. [BF-3.4] The result shares no storage with either.
   * @throws RangeError naming both shapes when `bits` or `hashes` differ ([BF-3.5]).
   */
  union(other: BloomFilter): BloomFilter {
    return this.#combine(other, 'union', (a, b) => a | b, true);
  }

  /**
   * Task 3. [BF-3.2] A new filter that has every key present in both `this` and `other`:
   * the bitwise AND. (It may answer "yes" more often than a filter built from the
   * intersection of the two key sets; README says why.) Neither operand changes,
   * and the result shares no storage with either.
   * @throws RangeError naming both shapes when `bits` or `hashes` differ.
   */
  intersect(other: BloomFilter): BloomFilter {
    return this.#combine(other, 'intersect', (a, b) => a & b, false);
  }

  /**
   * Task 4. The filter in the byte format of README.md ("FLBF", version 1):
   * [BF-4.1] a 10-byte header, then [BF-4.2] the bit array, least significant bit
   * first, [BF-4.3] its padding bits 0.
   * [BF-4.4] Equal filters give equal bytes, whatever order their keys were added in.
   * [BF-4.5] Returns a new array: changing it changes neither the filter nor a later result.
   */
  toBytes(): Uint8Array {
    const out = new Uint8Array(HEADER_BYTES + this.#byteLength);
    out.set(MAGIC, 0);
    out[4] = VERSION;
    new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(5, this.bits, false);
    out[9] = this.hashes;
    for (let c = 0; c < this.#chunks.length; c++) {
      const chunk = this.#chunks[c];
      if (chunk) out.set(chunk, HEADER_BYTES + c * CHUNK_BYTES);
    }
    return out;
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
    if (!(bytes instanceof Uint8Array)) {
      throw new RangeError(`bytes must be a Uint8Array, got ${show(bytes)}`);
    }
    if (bytes.byteLength < HEADER_BYTES) {
      throw new RangeError(
        `bytes: ${bytes.byteLength} bytes is too short for an FLBF filter, whose header alone is ${HEADER_BYTES} bytes`,
      );
    }
    for (let j = 0; j < MAGIC.length; j++) {
      if (bytes[j] !== MAGIC[j]) {
        const hex = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
        throw new RangeError(`bytes: bad magic ${hex}, expected 46 4c 42 46 ("FLBF")`);
      }
    }
    const version = bytes[4]!;
    if (version !== VERSION) {
      throw new RangeError(`bytes: unsupported FLBF version ${version}, only version ${VERSION} can be read`);
    }
    const bits = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5, false);
    const hashes = bytes[9]!;
    if (bits === 0) throw new RangeError('bytes: the header says 0 bits; a filter has at least 1 bit');
    if (hashes === 0) throw new RangeError('bytes: the header says 0 hashes; a filter has at least 1 hash');
    const byteLength = Math.ceil(bits / 8);
    const expected = HEADER_BYTES + byteLength;
    if (bytes.byteLength !== expected) {
      throw new RangeError(
        `bytes: wrong length ${bytes.byteLength} for a filter of ${bits} bits; expected ${HEADER_BYTES} + ⌈${bits}/8⌉ = ${expected} bytes`,
      );
    }
    const used = bits % 8;
    if (used !== 0) {
      const last = bytes[expected - 1]!;
      if ((last & ~((1 << used) - 1) & 0xff) !== 0) {
        throw new RangeError(
          `bytes: padding bits past bit ${bits - 1} are set in the last byte (0x${last.toString(16).padStart(2, '0')}); they must be 0`,
        );
      }
    }
    const filter = new BloomFilter(bits, hashes);
    for (let c = 0; c < filter.#chunks.length; c++) {
      const start = HEADER_BYTES + c * CHUNK_BYTES;
      const view = bytes.subarray(start, start + filter.#chunkLength(c));
      let any = false;
      for (let j = 0; j < view.length; j++) {
        if (view[j] !== 0) {
          any = true;
          break;
        }
      }
      if (any) filter.#chunks[c] = new Uint8Array(view); // a copy (Buffer#slice would share memory): later changes to bytes change nothing
    }
    return filter;
  }
}
