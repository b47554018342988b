/**
 * Demo for variant `sizing-bits-limit-off-by-one`: rejects a result of exactly 2³² − 1 bits (>= instead of >).
 * Run: npx tsx demos/sizing-bits-limit-off-by-one.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../sizing-bits-limit-off-by-one/bloom-filter';
import { murmur3Calls as variantCalls } from '../sizing-bits-limit-off-by-one/murmur3';
import { compare, type Mod } from './_lib';

const n = (2 ** 32 - 1.5) * Math.LN2; // ⌈n / ln 2⌉ = 2^32 − 1 at p = 0.5

compare(
  "sizing-bits-limit-off-by-one",
  "A result above 2³² − 1 bits is a `RangeError` naming `bits`.",
  (impl) => {
    const m = impl.m;
    return m.optimalParameters(n, 0.5);
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
