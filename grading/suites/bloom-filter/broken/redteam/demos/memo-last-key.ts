/**
 * Demo for variant `memo-last-key`: memoises the indexes of the last string key, so add(k) then has(k) hashes k only once.
 * Run: npx tsx demos/memo-last-key.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../memo-last-key/bloom-filter';
import { murmur3Calls as variantCalls } from '../memo-last-key/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "memo-last-key",
  "Exactly two calls to `murmur3` per call, whatever `hashes` is.",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(1000, 7); f.add("alice"); const c0 = impl.calls(); const present = f.has("alice"); return { present, murmur3CallsForHas: impl.calls() - c0 };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
