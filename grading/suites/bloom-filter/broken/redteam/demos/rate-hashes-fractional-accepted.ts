/**
 * Demo for variant `rate-hashes-fractional-accepted`: checks the range of hashes but not that it is an integer.
 * Run: npx tsx demos/rate-hashes-fractional-accepted.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../rate-hashes-fractional-accepted/bloom-filter';
import { murmur3Calls as variantCalls } from '../rate-hashes-fractional-accepted/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "rate-hashes-fractional-accepted",
  "k: the number of bit positions each key sets, an integer in [1, 255].",
  (impl) => {
    const m = impl.m;
    return m.expectedFalsePositiveRate(1000, 2.5, 100);
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
