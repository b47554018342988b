/**
 * The hash every placement in this exercise uses unless it is given another.
 * Provided: you call it, you do not edit it (the grader uses its own copy).
 *
 * The suite injects hashes of its own through the `hash` option, to make
 * tokens collide, to crowd them into one corner of the ring, and to put keys
 * at both ends of the hash space; so always hash through the function you
 * were given, never through `hash32` directly.
 */

/** A physical node's name: any non-empty string. */
export type NodeId = string;

/**
 * A hash of strings onto the ring: it returns an integer in [0, 2³² − 1] and
 * the same one for the same string, every time. Placements may rely on both.
 */
export type HashFn = (input: string) => number;

const utf8 = new TextEncoder();

/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby, public domain), of the
 * UTF-8 bytes of `input`, with seed 0: an unsigned 32-bit integer, never
 * negative (the `>>> 0` at the end; memjs#16 is what happens without it).
 */
export function hash32(input: string): number {
  const bytes = utf8.encode(input);
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const length = bytes.length;
  const blocks = length & ~3;
  let h = 0;

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
