/**
 * Demo for variant `rate-items-integer-only`: requires items to be an integer, rejecting a fractional (finite, ≥ 0) count.
 * Run: npx tsx demos/rate-items-integer-only.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../rate-items-integer-only/bloom-filter';
import { murmur3Calls as variantCalls } from '../rate-items-integer-only/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "rate-items-integer-only",
  "`items` a finite number ≥ 0",
  (impl) => {
    const m = impl.m;
    return m.expectedFalsePositiveRate(1000, 5, 2.5);
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
