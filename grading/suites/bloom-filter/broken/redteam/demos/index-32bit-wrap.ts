/**
 * Demo for variant `index-32bit-wrap`: truncates h1 + i·h2 to 32 bits (>>> 0) before the mod.
 * Run: npx tsx demos/index-32bit-wrap.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../index-32bit-wrap/bloom-filter';
import { murmur3Calls as variantCalls } from '../index-32bit-wrap/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "index-32bit-wrap",
  "exact integer arithmetic, no 32-bit wrap-around",
  (impl) => {
    const m = impl.m;
    return new m.BloomFilter(1000, 7).indexes("alice");
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
