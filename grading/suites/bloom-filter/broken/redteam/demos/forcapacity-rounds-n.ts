/**
 * Demo for variant `forcapacity-rounds-n`: forCapacity rounds a fractional expectedItems up to a whole key before sizing.
 * Run: npx tsx demos/forcapacity-rounds-n.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../forcapacity-rounds-n/bloom-filter';
import { murmur3Calls as variantCalls } from '../forcapacity-rounds-n/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "forcapacity-rounds-n",
  "An empty filter sized by `optimalParameters(expectedItems, falsePositiveRate)`.",
  (impl) => {
    const m = impl.m;
    const f = m.BloomFilter.forCapacity(0.5, 0.01); return { forCapacity: [f.bits, f.hashes], optimalParameters: m.optimalParameters(0.5, 0.01) };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
