/**
 * Demo for variant `has-skips-last-index`: has loops to k − 2 (off by one) and never checks the last index.
 * Run: npx tsx demos/has-skips-last-index.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../has-skips-last-index/bloom-filter';
import { murmur3Calls as variantCalls } from '../has-skips-last-index/murmur3';
import { compare, type Mod } from './_lib';

// A filter with exactly the first k − 1 bits of "alice" set (the last index is distinct from them).
const probe = new baseMod.BloomFilter(1000, 4);
const idx = probe.indexes("alice");
if (idx.slice(0, -1).includes(idx[3]!)) throw new Error('pick another key');
const bytes = probe.toBytes();
for (const i of idx.slice(0, -1)) bytes[10 + (i >> 3)]! |= 1 << (i & 7);

compare(
  "has-skips-last-index",
  "True when every bit at `indexes(key)` is set",
  (impl) => {
    const m = impl.m;
    const f = m.BloomFilter.fromBytes(bytes); return { lastIndexSet: false, has: f.has("alice") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
