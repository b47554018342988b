/**
 * Demo for variant `indexes-sets-bits`: indexes sets the bits it computes, and add just calls indexes.
 * Run: npx tsx demos/indexes-sets-bits.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../indexes-sets-bits/bloom-filter';
import { murmur3Calls as variantCalls } from '../indexes-sets-bits/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "indexes-sets-bits",
  "Pure: the filter is unchanged.",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(1000, 3); f.indexes("ghost"); return { hasGhostAfterIndexes: f.has("ghost") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
