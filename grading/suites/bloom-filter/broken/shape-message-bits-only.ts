/**
 * Broken Bloom filter: the shape error names the bits only.
 *
 * The mistake (BF-3.5): combining filters of different shapes throws a
 * RangeError whose message gives each filter's bits but not its hashes, so two
 * filters that differ only in hashes get a message that names no difference.
 *
 * Real-world failure it models: an error message written for the first case
 * that came to mind (different sizes) and never for the other.
 */
import { murmur3 } from './murmur3';

export type Key = string | Uint8Array;

export interface BloomParameters {
  readonly bits: number;
  readonly hashes: number;
}

const MAX_BITS = 0xffffffff;
const MAX_HASHES = 255;
const MAGIC = [0x46, 0x4c, 0x42, 0x46] as const; // "FLBF"
const VERSION = 1;
const HEADER_BYTES = 10;

const utf8 = new TextEncoder();

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`bloom: ${name} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
}

export function optimalParameters(expectedItems: number, falsePositiveRate: number): BloomParameters {
  if (!(Number.isFinite(expectedItems) && expectedItems > 0)) {
    throw new RangeError(`bloom: expectedItems must be a finite number greater than 0, got ${String(expectedItems)}`);
  }
  if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
    throw new RangeError(`bloom: falsePositiveRate must be strictly between 0 and 1, got ${String(falsePositiveRate)}`);
  }
  const bits = Math.max(1, Math.ceil((-expectedItems * Math.log(falsePositiveRate)) / (Math.LN2 * Math.LN2))); // 1 when a subnormal n underflows the quotient to 0
  if (bits > MAX_BITS) {
    throw new RangeError(
      `bloom: ${expectedItems} expectedItems at falsePositiveRate ${falsePositiveRate} need ${bits} bits, ` +
        `more than the format allows (${MAX_BITS})`,
    );
  }
  const hashes = Math.min(MAX_HASHES, Math.max(1, Math.round((bits / expectedItems) * Math.LN2)));
  return { bits, hashes };
}

export function expectedFalsePositiveRate(bits: number, hashes: number, items: number): number {
  requireInteger('bits', bits, 1, MAX_BITS);
  requireInteger('hashes', hashes, 1, MAX_HASHES);
  if (!(Number.isFinite(items) && items >= 0)) {
    throw new RangeError(`bloom: items must be a finite number >= 0, got ${String(items)}`);
  }
  // 1 - e^x loses precision for x near 0; -expm1(x) does not.
  return Math.pow(-Math.expm1((-hashes * items) / bits), hashes);
}

export class BloomFilter {
  readonly bits: number;
  readonly hashes: number;
  readonly #array: Uint8Array;

  constructor(bits: number, hashes: number) {
    requireInteger('bits', bits, 1, MAX_BITS);
    requireInteger('hashes', hashes, 1, MAX_HASHES);
    this.bits = bits;
    this.hashes = hashes;
    this.#array = new Uint8Array(Math.ceil(bits / 8));
  }

  static forCapacity(expectedItems: number, falsePositiveRate: number): BloomFilter {
    const { bits, hashes } = optimalParameters(expectedItems, falsePositiveRate);
    return new BloomFilter(bits, hashes);
  }

  indexes(key: Key): number[] {
    const bytes = typeof key === 'string' ? utf8.encode(key) : key;
    const h1 = murmur3(bytes, 0);
    const h2 = murmur3(bytes, 1);
    const out = new Array<number>(this.hashes);
    // h1 + i * h2 < 2^32 * 256 < 2^53: exact in a double, so no wrap-around.
    for (let i = 0; i < this.hashes; i++) out[i] = (h1 + i * h2) % this.bits;
    return out;
  }

  add(key: Key): void {
    for (const index of this.indexes(key)) this.#array[index >>> 3]! |= 1 << (index & 7);
  }

  has(key: Key): boolean {
    for (const index of this.indexes(key)) {
      if ((this.#array[index >>> 3]! & (1 << (index & 7))) === 0) return false;
    }
    return true;
  }

  union(other: BloomFilter): BloomFilter {
    return this.#combine(other, 'union', (a, b) => a | b);
  }

  intersect(other: BloomFilter): BloomFilter {
    return this.#combine(other, 'intersect', (a, b) => a & b);
  }

  #combine(other: BloomFilter, operation: string, op: (a: number, b: number) => number): BloomFilter {
    if (!(other instanceof BloomFilter)) {
      throw new TypeError(`bloom: ${operation} needs another BloomFilter`);
    }
    if (other.bits !== this.bits || other.hashes !== this.hashes) {
      throw new RangeError(
        `bloom: cannot ${operation} filters of different shapes: ` +
          `${this.bits} bits and ${other.bits} bits`,
      );
    }
    const result = new BloomFilter(this.bits, this.hashes);
    for (let i = 0; i < this.#array.length; i++) result.#array[i] = op(this.#array[i]!, other.#array[i]!);
    return result;
  }

  toBytes(): Uint8Array {
    const out = new Uint8Array(HEADER_BYTES + this.#array.length);
    out.set(MAGIC, 0);
    out[4] = VERSION;
    new DataView(out.buffer).setUint32(5, this.bits, false);
    out[9] = this.hashes;
    out.set(this.#array, HEADER_BYTES);
    return out;
  }

  static fromBytes(bytes: Uint8Array): BloomFilter {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('bloom: fromBytes needs a Uint8Array');
    if (bytes.length < HEADER_BYTES) {
      throw new RangeError(`bloom: ${bytes.length} bytes is shorter than the ${HEADER_BYTES}-byte header`);
    }
    if (MAGIC.some((b, i) => bytes[i] !== b)) throw new RangeError('bloom: bad magic, expected "FLBF"');
    if (bytes[4] !== VERSION) throw new RangeError(`bloom: unsupported format version ${bytes[4]}`);
    const bits = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5, false);
    const hashes = bytes[9]!;
    if (bits === 0 || hashes === 0) throw new RangeError(`bloom: header declares ${bits} bits and ${hashes} hashes`);
    const arrayBytes = Math.ceil(bits / 8);
    if (bytes.length !== HEADER_BYTES + arrayBytes) {
      throw new RangeError(`bloom: ${bits} bits need ${HEADER_BYTES + arrayBytes} bytes, got ${bytes.length}`);
    }
    const spare = arrayBytes * 8 - bits;
    if (spare > 0 && bytes[bytes.length - 1]! >>> (8 - spare) !== 0) {
      throw new RangeError('bloom: padding bits after the last bit are set');
    }
    const filter = new BloomFilter(bits, hashes);
    filter.#array.set(bytes.subarray(HEADER_BYTES));
    return filter;
  }
}
