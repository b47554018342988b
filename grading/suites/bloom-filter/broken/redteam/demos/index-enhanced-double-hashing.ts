/**
 * Demo for variant `index-enhanced-double-hashing`: uses enhanced double hashing h1 + i·h2 + (i³ − i)/6 instead of plain double hashing.
 * Run: npx tsx demos/index-enhanced-double-hashing.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../index-enhanced-double-hashing/bloom-filter';
import { murmur3Calls as variantCalls } from '../index-enhanced-double-hashing/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "index-enhanced-double-hashing",
  "index_i = (h1 + i · h2) mod bits",
  (impl) => {
    const m = impl.m;
    return new m.BloomFilter(1000, 5).indexes("alice");
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
