/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby, public domain), over bytes.
 * Provided: you call it, you do not edit it. A string key is hashed as its
 * UTF-8 bytes, which you make with `new TextEncoder().encode(key)`.
 *
 * The grader counts calls to `murmur3` (see `murmur3Calls`): deriving all k
 * indexes from two base hashes is part of the contract (README, task 2).
 */

let calls = 0;

/** How many times `murmur3` has been called in this process. A cost counter, not a clock. */
export function murmur3Calls(): number {
  return calls;
}

/** The unsigned 32-bit MurmurHash3 (x86_32) of `bytes` with `seed` (an unsigned 32-bit integer). */
export function murmur3(bytes: Uint8Array, seed: number): number {
  calls++;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const length = bytes.length;
  const blocks = length & ~3;
  let h = seed >>> 0;

  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }

  const tail = length & 3;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= bytes[blocks + 2]! << 16;
    if (tail >= 2) k ^= bytes[blocks + 1]! << 8;
    k ^= bytes[blocks]!;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }

  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
