/**
 * Demo for variant `ctor-fractional-bits-accepted`: constructor range-checks bits but not that it is an integer.
 * Run: npx tsx demos/ctor-fractional-bits-accepted.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../ctor-fractional-bits-accepted/bloom-filter';
import { murmur3Calls as variantCalls } from '../ctor-fractional-bits-accepted/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "ctor-fractional-bits-accepted",
  "@throws RangeError naming `bits` or `hashes` when not an integer in range (see BloomParameters).",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(20.5, 3); return { bits: f.bits, indexes: f.indexes("a") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
