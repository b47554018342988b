/**
 * Demo for variant `sizing-hashes-no-cap`: forgets the upper cap of 255 hashes (reached only for tiny p, e.g. p = 1e-100).
 * Run: npx tsx demos/sizing-hashes-no-cap.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../sizing-hashes-no-cap/bloom-filter';
import { murmur3Calls as variantCalls } from '../sizing-hashes-no-cap/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "sizing-hashes-no-cap",
  "round(m / n · ln 2), at least 1, at most 255",
  (impl) => {
    const m = impl.m;
    return m.optimalParameters(1, 1e-100);
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
