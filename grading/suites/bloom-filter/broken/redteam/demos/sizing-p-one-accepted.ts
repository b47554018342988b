/**
 * Demo for variant `sizing-p-one-accepted`: inclusive upper end: p = 1 is accepted and yields a 0-bit shape.
 * Run: npx tsx demos/sizing-p-one-accepted.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../sizing-p-one-accepted/bloom-filter';
import { murmur3Calls as variantCalls } from '../sizing-p-one-accepted/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "sizing-p-one-accepted",
  "`p` strictly between 0 and 1",
  (impl) => {
    const m = impl.m;
    return m.optimalParameters(100, 1);
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
