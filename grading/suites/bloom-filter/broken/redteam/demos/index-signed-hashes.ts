/**
 * Demo for variant `index-signed-hashes`: treats the murmur3 results as signed 32-bit ints (Java habit) and fixes the sign after the mod; identical when bits is a power of two.
 * Run: npx tsx demos/index-signed-hashes.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../index-signed-hashes/bloom-filter';
import { murmur3Calls as variantCalls } from '../index-signed-hashes/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "index-signed-hashes",
  "h1 = murmur3(bytes, 0),  h2 = murmur3(bytes, 1)",
  (impl) => {
    const m = impl.m;
    const keys = ["alice", "bob", "carol", "dave"]; return { bits1000: keys.map((k) => new m.BloomFilter(1000, 3).indexes(k)), bits1024: keys.map((k) => new m.BloomFilter(1024, 3).indexes(k)) };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
