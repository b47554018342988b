/**
 * Demo for variant `shape-error-names-one-shape`: the shape-mismatch message shows only this filter's shape.
 * Run: npx tsx demos/shape-error-names-one-shape.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../shape-error-names-one-shape/bloom-filter';
import { murmur3Calls as variantCalls } from '../shape-error-names-one-shape/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "shape-error-names-one-shape",
  "@throws RangeError naming both shapes when `bits` or `hashes` differ.",
  (impl) => {
    const m = impl.m;
    try { new m.BloomFilter(1021, 7).intersect(new m.BloomFilter(2039, 7)); return "no error"; } catch (e) { const msg = (e as Error).message; return { msg, namesBoth: msg.includes("1021") && msg.includes("2039") }; }
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
