/**
 * Demo for variant `tobytes-cached`: memoises the serialisation until the next add and hands out the same array every time.
 * Run: npx tsx demos/tobytes-cached.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../tobytes-cached/bloom-filter';
import { murmur3Calls as variantCalls } from '../tobytes-cached/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "tobytes-cached",
  "`toBytes` returns a new array each time",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(64, 3); f.add("x"); const first = f.toBytes(); first[10] = 0xff; const second = f.toBytes(); return { sameArray: first === second, second };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
