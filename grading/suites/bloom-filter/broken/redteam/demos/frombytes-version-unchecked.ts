/**
 * Demo for variant `frombytes-version-unchecked`: checks the magic but never the version byte.
 * Run: npx tsx demos/frombytes-version-unchecked.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-version-unchecked/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-version-unchecked/murmur3';
import { compare, type Mod } from './_lib';

const bytes = new baseMod.BloomFilter(20, 3).toBytes(); bytes[4] = 2;

compare(
  "frombytes-version-unchecked",
  "bad magic or version",
  (impl) => {
    const m = impl.m;
    return { accepted: m.BloomFilter.fromBytes(bytes).bits };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
