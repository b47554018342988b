/**
 * Demo for variant `utf8-wtf8-lone-surrogate`: hand-rolled UTF-8 encoder (correct for pairs) that encodes a lone surrogate as its own 3 bytes (WTF-8) instead of U+FFFD.
 * Run: npx tsx demos/utf8-wtf8-lone-surrogate.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../utf8-wtf8-lone-surrogate/bloom-filter';
import { murmur3Calls as variantCalls } from '../utf8-wtf8-lone-surrogate/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "utf8-wtf8-lone-surrogate",
  "A lone UTF-16 surrogate encodes as U+FFFD, as `TextEncoder` does.",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(1000, 3); return { loneSurrogate: f.indexes("\ud800"), replacementChar: f.indexes("\ufffd") };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
