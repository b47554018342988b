/**
 * Demo for variant `rate-bits-upper-bound-off`: upper bound off by one: accepts bits = 2³².
 * Run: npx tsx demos/rate-bits-upper-bound-off.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../rate-bits-upper-bound-off/bloom-filter';
import { murmur3Calls as variantCalls } from '../rate-bits-upper-bound-off/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "rate-bits-upper-bound-off",
  "`bits` an integer in [1, 2³² − 1]",
  (impl) => {
    const m = impl.m;
    return m.expectedFalsePositiveRate(2 ** 32, 7, 1000);
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
