/**
 * Demo for variant `sizing-hashes-log2-shortcut`: uses the textbook shortcut k = round(−log2 p), which equals round(m/n·ln 2) only before m is rounded up (differs for small n).
 * Run: npx tsx demos/sizing-hashes-log2-shortcut.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../sizing-hashes-log2-shortcut/bloom-filter';
import { murmur3Calls as variantCalls } from '../sizing-hashes-log2-shortcut/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "sizing-hashes-log2-shortcut",
  "hashes = round(bits / n · ln 2), at least 1 and at most 255",
  (impl) => {
    const m = impl.m;
    return [m.optimalParameters(1, 0.05), m.BloomFilter.forCapacity(1, 0.05).hashes];
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
