/**
 * Demo for variant `intersect-view-mutates-this`: intersect "copies" this with subarray() (a view, not a copy) and ANDs into it, so this loses keys.
 * Run: npx tsx demos/intersect-view-mutates-this.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../intersect-view-mutates-this/bloom-filter';
import { murmur3Calls as variantCalls } from '../intersect-view-mutates-this/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "intersect-view-mutates-this",
  "Neither operand changes.",
  (impl) => {
    const m = impl.m;
    const a = new m.BloomFilter(1024, 4); const b = new m.BloomFilter(1024, 4); a.add("left"); a.add("both"); b.add("both"); b.add("right"); const i = a.intersect(b); return { intersectHasBoth: i.has("both"), aStillHasLeft: a.has("left") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
