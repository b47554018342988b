/**
 * Demo for variant `union-mutates-this`: union ORs other into this and returns this.
 * Run: npx tsx demos/union-mutates-this.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../union-mutates-this/bloom-filter';
import { murmur3Calls as variantCalls } from '../union-mutates-this/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "union-mutates-this",
  "Neither operand changes.",
  (impl) => {
    const m = impl.m;
    const a = new m.BloomFilter(1024, 4); const b = new m.BloomFilter(1024, 4); a.add("left"); b.add("right"); const u = a.union(b); return { unionIsA: u === a, aHasRight: a.has("right") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
