/**
 * Demo for variant `ctor-bits-zero-accepted`: constructor lower bound off by one: accepts a 0-bit filter.
 * Run: npx tsx demos/ctor-bits-zero-accepted.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../ctor-bits-zero-accepted/bloom-filter';
import { murmur3Calls as variantCalls } from '../ctor-bits-zero-accepted/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "ctor-bits-zero-accepted",
  "m: the number of bits, an integer in [1, 2^32 − 1].",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(0, 3); return { bits: f.bits, has: f.has("x") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
