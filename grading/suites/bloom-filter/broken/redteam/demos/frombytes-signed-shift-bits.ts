/**
 * Demo for variant `frombytes-signed-shift-bits`: assembles bits with << 24, which is signed in JavaScript: m ≥ 2³¹ reads as negative and a valid filter is rejected.
 * Run: npx tsx demos/frombytes-signed-shift-bits.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-signed-shift-bits/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-signed-shift-bits/murmur3';
import { compare, type Mod } from './_lib';

const src = new baseMod.BloomFilter(2 ** 31, 1); src.add("x"); const image = src.toBytes(); // 256 MiB

compare(
  "frombytes-signed-shift-bits",
  "bits `m`, unsigned, big-endian",
  (impl) => {
    const m = impl.m;
    const f = m.BloomFilter.fromBytes(image); return { bits: f.bits, hasX: f.has("x") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
