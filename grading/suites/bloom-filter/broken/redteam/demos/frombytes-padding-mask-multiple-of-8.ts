/**
 * Demo for variant `frombytes-padding-mask-multiple-of-8`: padding mask 0xff << (m mod 8) without the m mod 8 = 0 guard: when m is a multiple of 8 the whole last byte counts as padding.
 * Run: npx tsx demos/frombytes-padding-mask-multiple-of-8.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-padding-mask-multiple-of-8/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-padding-mask-multiple-of-8/murmur3';
import { compare, type Mod } from './_lib';

const src = new baseMod.BloomFilter(64, 3); let n = 0; while (src.toBytes()[17] === 0) src.add("k" + n++); const image = src.toBytes();

compare(
  "frombytes-padding-mask-multiple-of-8",
  "fromBytes(toBytes(f)) answers has() exactly as f does",
  (impl) => {
    const m = impl.m;
    return m.BloomFilter.fromBytes(image).has("k0");
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
