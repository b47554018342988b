/**
 * Demo for variant `key-view-ignores-byteoffset`: turns a Uint8Array key into new Uint8Array(key.buffer), hashing the whole underlying buffer instead of the view.
 * Run: npx tsx demos/key-view-ignores-byteoffset.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../key-view-ignores-byteoffset/bloom-filter';
import { murmur3Calls as variantCalls } from '../key-view-ignores-byteoffset/murmur3';
import { compare, type Mod } from './_lib';

const big = new Uint8Array([0, 0, 0x68, 0x69, 0]); const key = big.subarray(2, 4); // the bytes of "hi", byteOffset 2

compare(
  "key-view-ignores-byteoffset",
  "bytes = UTF-8 of key (or key itself)",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(1000, 3); f.add("hi"); return { hasViewOfHi: f.has(key), sameIndexes: JSON.stringify(f.indexes(key)) === JSON.stringify(f.indexes("hi")) };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
