/**
 * Demo for variant `sizing-bits-round`: rounds the bit count to nearest instead of up (within the rubric's 1 % for large n).
 * Run: npx tsx demos/sizing-bits-round.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../sizing-bits-round/bloom-filter';
import { murmur3Calls as variantCalls } from '../sizing-bits-round/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "sizing-bits-round",
  "bits   = ⌈ −n · ln p / (ln 2)² ⌉",
  (impl) => {
    const m = impl.m;
    return [m.optimalParameters(1, 0.5), m.optimalParameters(3, 0.5)];
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
