/**
 * Demo for variant `frombytes-padding-first-bit-unchecked`: padding mask off by one (0xff << (m mod 8 + 1)): bit m itself is never checked.
 * Run: npx tsx demos/frombytes-padding-first-bit-unchecked.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-padding-first-bit-unchecked/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-padding-first-bit-unchecked/murmur3';
import { compare, type Mod } from './_lib';

const bytes = new baseMod.BloomFilter(20, 3).toBytes(); bytes[12] = 1 << 4; // bit 20, the first bit past m = 20

compare(
  "frombytes-padding-first-bit-unchecked",
  "Bits past `m` in the last byte are 0.",
  (impl) => {
    const m = impl.m;
    const f = m.BloomFilter.fromBytes(bytes); return { accepted: f.bits };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
