/**
 * Demo for variant `intersect-self-returns-this`: shortcut a ∩ a = a returns this itself, so the "new" filter aliases the operand.
 * Run: npx tsx demos/intersect-self-returns-this.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../intersect-self-returns-this/bloom-filter';
import { murmur3Calls as variantCalls } from '../intersect-self-returns-this/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "intersect-self-returns-this",
  "A new filter that has every key present in both `this` and `other`",
  (impl) => {
    const m = impl.m;
    const a = new m.BloomFilter(1024, 4); a.add("x"); const i = a.intersect(a); i.add("later"); return { sameObject: i === a, aHasLater: a.has("later") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
