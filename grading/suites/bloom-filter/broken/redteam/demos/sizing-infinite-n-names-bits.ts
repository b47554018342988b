/**
 * Demo for variant `sizing-infinite-n-names-bits`: checks only n > 0 (rejects NaN) but lets Infinity through, so the error names bits instead of expectedItems.
 * Run: npx tsx demos/sizing-infinite-n-names-bits.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../sizing-infinite-n-names-bits/bloom-filter';
import { murmur3Calls as variantCalls } from '../sizing-infinite-n-names-bits/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "sizing-infinite-n-names-bits",
  "`n` must be a finite number > 0",
  (impl) => {
    const m = impl.m;
    try { return m.optimalParameters(Infinity, 0.01); } catch (e) { return { message: (e as Error).message, namesExpectedItems: /expectedItems/.test((e as Error).message) }; }
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
