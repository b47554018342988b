/**
 * Demo for variant `union-ignores-hashes-shape`: the shape check compares bits only, not hashes.
 * Run: npx tsx demos/union-ignores-hashes-shape.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../union-ignores-hashes-shape/bloom-filter';
import { murmur3Calls as variantCalls } from '../union-ignores-hashes-shape/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "union-ignores-hashes-shape",
  "@throws RangeError naming both shapes when `bits` or `hashes` differ.",
  (impl) => {
    const m = impl.m;
    const u = new m.BloomFilter(1021, 7).union(new m.BloomFilter(1021, 5)); return [u.bits, u.hashes];
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
