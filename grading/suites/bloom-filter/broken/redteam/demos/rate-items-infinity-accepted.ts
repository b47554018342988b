/**
 * Demo for variant `rate-items-infinity-accepted`: checks only items >= 0, so Infinity is accepted and gives a rate of 1.
 * Run: npx tsx demos/rate-items-infinity-accepted.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../rate-items-infinity-accepted/bloom-filter';
import { murmur3Calls as variantCalls } from '../rate-items-infinity-accepted/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "rate-items-infinity-accepted",
  "or `items` (a finite number >= 0)",
  (impl) => {
    const m = impl.m;
    return m.expectedFalsePositiveRate(1000, 5, Infinity);
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
