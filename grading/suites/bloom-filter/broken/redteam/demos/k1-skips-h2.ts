/**
 * Demo for variant `k1-skips-h2`: skips computing h2 when hashes = 1 (it is multiplied by 0), so k = 1 costs one murmur3 call.
 * Run: npx tsx demos/k1-skips-h2.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../k1-skips-h2/bloom-filter';
import { murmur3Calls as variantCalls } from '../k1-skips-h2/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "k1-skips-h2",
  "Exactly two calls to `murmur3` per call, whatever `hashes` is.",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(100, 1); const c0 = impl.calls(); f.indexes("x"); f.add("y"); f.has("y"); return { murmur3CallsFor3Operations: impl.calls() - c0 };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
