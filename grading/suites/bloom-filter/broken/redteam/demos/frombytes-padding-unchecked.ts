/**
 * Demo for variant `frombytes-padding-unchecked`: never checks the padding bits past m in the last byte.
 * Run: npx tsx demos/frombytes-padding-unchecked.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-padding-unchecked/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-padding-unchecked/murmur3';
import { compare, type Mod } from './_lib';

const bytes = new baseMod.BloomFilter(20, 3).toBytes(); bytes[12] = 0x80; // bit 23 of a 20-bit filter

compare(
  "frombytes-padding-unchecked",
  "or a padding bit set",
  (impl) => {
    const m = impl.m;
    const f = m.BloomFilter.fromBytes(bytes); return { accepted: f.bits };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
