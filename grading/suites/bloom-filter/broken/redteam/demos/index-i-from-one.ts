/**
 * Demo for variant `index-i-from-one`: runs i from 1 to k (as Guava does) instead of 0 to k − 1.
 * Run: npx tsx demos/index-i-from-one.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../index-i-from-one/bloom-filter';
import { murmur3Calls as variantCalls } from '../index-i-from-one/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "index-i-from-one",
  "The `hashes` bit positions of `key`, in order i = 0, 1, …, k − 1",
  (impl) => {
    const m = impl.m;
    return new m.BloomFilter(1000, 4).indexes("alice");
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
