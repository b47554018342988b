/**
 * Demo for variant `key-prefix-only`: hashes only the first 1 KiB of a key, so long keys that share a prefix collide.
 * Run: npx tsx demos/key-prefix-only.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../key-prefix-only/bloom-filter';
import { murmur3Calls as variantCalls } from '../key-prefix-only/murmur3';
import { compare, type Mod } from './_lib';

const k1 = "a".repeat(3999) + "b"; const k2 = "a".repeat(3999) + "c";

compare(
  "key-prefix-only",
  "bytes = UTF-8 of key (or key itself)",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(95851, 7); f.add(k1); return { hasK1: f.has(k1), hasNeverAddedK2: f.has(k2) };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
