/**
 * Demo for variant `index-h2-zero-patched`: replaces h2 = 0 by 1 so that the k indexes never collapse (only a key with murmur3(bytes, 1) = 0 is affected).
 * Run: npx tsx demos/index-h2-zero-patched.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3, murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../index-h2-zero-patched/bloom-filter';
import { murmur3Calls as variantCalls } from '../index-h2-zero-patched/murmur3';
import { compare, type Mod } from './_lib';

// A 4-byte key whose murmur3 with seed 1 is 0, found by inverting murmur3 (every step is a bijection on 32 bits).
const U = 2n ** 32n;
const inv = (a: bigint): bigint => { let [r0, r1, s0, s1] = [a, U, 1n, 0n]; while (r1 !== 0n) { const q = r0 / r1; [r0, r1] = [r1, r0 - q * r1]; [s0, s1] = [s1, s0 - q * s1]; } return ((s0 % U) + U) % U; };
const rotr = (x: bigint, r: bigint) => ((x >> r) | (x << (32n - r))) & (U - 1n);
let h = 0n ^ 4n;                                        // fmix32(0) = 0; undo "h ^= length"
h = (((h - 0xe6546b64n) % U + U) % U) * inv(5n) % U;    // undo h = h*5 + 0xe6546b64
h = rotr(h, 13n);                                       // undo rotl 13
let k = h ^ 1n;                                         // undo h = seed ^ k
k = k * inv(0x1b873593n) % U;                           // undo imul c2
k = rotr(k, 15n);                                       // undo rotl 15
k = k * inv(0xcc9e2d51n) % U;                           // undo imul c1
const key = new Uint8Array([Number(k & 255n), Number((k >> 8n) & 255n), Number((k >> 16n) & 255n), Number(k >> 24n)]);
if (murmur3(key, 1) !== 0) throw new Error('preimage search failed');

compare(
  "index-h2-zero-patched",
  "`indexes` returns them in that order, repeats included.",
  (impl) => {
    const m = impl.m;
    return { key, murmur3seed1: murmur3(key, 1), indexes: new m.BloomFilter(1000, 4).indexes(key) };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
