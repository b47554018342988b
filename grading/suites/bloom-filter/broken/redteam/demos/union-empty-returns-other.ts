/**
 * Demo for variant `union-empty-returns-other`: shortcut ∅ ∪ b = b returns the other operand itself instead of a new filter.
 * Run: npx tsx demos/union-empty-returns-other.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../union-empty-returns-other/bloom-filter';
import { murmur3Calls as variantCalls } from '../union-empty-returns-other/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "union-empty-returns-other",
  "A new filter holding every key of `this` and of `other`: the bitwise OR.",
  (impl) => {
    const m = impl.m;
    const a = new m.BloomFilter(1024, 4); const b = new m.BloomFilter(1024, 4); b.add("x"); const u = a.union(b); u.add("later"); return { sameObject: u === b, bHasLater: b.has("later") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
