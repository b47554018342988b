/**
 * Demo for variant `sizing-hashes-no-floor`: forgets the lower bound of 1 hash, so p ≥ ~0.7 gives 0 hashes.
 * Run: npx tsx demos/sizing-hashes-no-floor.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../sizing-hashes-no-floor/bloom-filter';
import { murmur3Calls as variantCalls } from '../sizing-hashes-no-floor/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "sizing-hashes-no-floor",
  "round(m / n · ln 2), at least 1, at most 255",
  (impl) => {
    const m = impl.m;
    return m.optimalParameters(100, 0.9);
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
