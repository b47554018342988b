/**
 * Demo for variant `tobytes-returns-internal-buffer`: keeps the whole serialised image (header + bits) as its state and returns it from toBytes.
 * Run: npx tsx demos/tobytes-returns-internal-buffer.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../tobytes-returns-internal-buffer/bloom-filter';
import { murmur3Calls as variantCalls } from '../tobytes-returns-internal-buffer/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "tobytes-returns-internal-buffer",
  "Returns a new array: changing it does not change the filter.",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(64, 3); const out = f.toBytes(); out.fill(0xff, 10); return { hasNeverAdded: f.has("never added") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
