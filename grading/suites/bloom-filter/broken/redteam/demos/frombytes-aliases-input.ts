/**
 * Demo for variant `frombytes-aliases-input`: keeps bytes.subarray(10) as its bit array, sharing memory with the caller.
 * Run: npx tsx demos/frombytes-aliases-input.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-aliases-input/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-aliases-input/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "frombytes-aliases-input",
  "`fromBytes` copies what it is given",
  (impl) => {
    const m = impl.m;
    const bytes = new m.BloomFilter(64, 3).toBytes(); const f = m.BloomFilter.fromBytes(bytes); bytes.fill(0xff, 10); return { hasNeverAdded: f.has("never added") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
