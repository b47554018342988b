/**
 * Demo for variant `has-sets-bits`: has sets the bits it tests (test-and-set), so the second query of a key says yes.
 * Run: npx tsx demos/has-sets-bits.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../has-sets-bits/bloom-filter';
import { murmur3Calls as variantCalls } from '../has-sets-bits/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "has-sets-bits",
  "an empty filter has no key, however often it is asked",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(1000, 3); return [f.has("ghost"), f.has("ghost")];
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
