/**
 * Seeded randomness. One run seed (a non-negative integer below 2^32) is
 * split into named streams: `Rng.stream(seed, 'fp-keys')` depends only on the
 * seed and the name, so adding a draw to one stream never reshuffles another.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator):
 * 128 bits of state, passes PractRand to 2^40+ bytes, and uses only 32-bit
 * integer operations, so it produces the same sequence on every platform.
 */

/** FNV-1a over the UTF-16 code units of `text`, finished with murmur3's fmix32. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed of the stream `name` under `seed`: an unsigned 32-bit integer. */
export function deriveSeed(seed: number, name: string): number {
  return hash32(`${seed >>> 0}/${name}`);
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** A generator for `seed`; use `Rng.stream` to get an independent named stream. */
  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`rng: seed must be an integer in [0, 2^32), got ${String(seed)}`);
    }
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** The stream `name` of `seed`. */
  static stream(seed: number, name: string): Rng {
    return new Rng(deriveSeed(seed, name));
  }

  /** A uniformly random unsigned 32-bit integer. */
  nextU32(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  }

  /** A uniformly random float in [0, 1), with 32 bits of randomness. */
  next(): number {
    return this.nextU32() / 0x100000000;
  }

  /** A uniformly random integer in [min, max] (both inclusive), without modulo bias. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min || max - min > 0xffffffff) {
      throw new RangeError(`rng: int(${min}, ${max}) needs safe integers with 0 <= max - min < 2^32`);
    }
    const span = max - min + 1;
    if (span === 0x100000000) return min + this.nextU32();
    const limit = Math.floor(0x100000000 / span) * span;
    for (;;) {
      const x = this.nextU32();
      if (x < limit) return min + (x % span);
    }
  }

  /** A random string of `length` characters from [a-zA-Z0-9]. */
  alphanumeric(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHANUMERIC[this.int(0, ALPHANUMERIC.length - 1)];
    return out;
  }

  /** `length` uniformly random bytes. */
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.nextU32() & 0xff;
    return out;
  }
}

// Frozen, like every harness class learner code can import: a patched method must not change what a checker sees.
Object.freeze(Rng.prototype);
Object.freeze(Rng);
