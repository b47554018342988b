/**
 * Demo for variant `utf8-uri-encode-throws`: encodes strings with unescape(encodeURIComponent(s)), which throws URIError on a lone surrogate.
 * Run: npx tsx demos/utf8-uri-encode-throws.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../utf8-uri-encode-throws/bloom-filter';
import { murmur3Calls as variantCalls } from '../utf8-uri-encode-throws/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "utf8-uri-encode-throws",
  "A lone UTF-16 surrogate encodes as U+FFFD, as `TextEncoder` does.",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(1000, 3); f.add("x\udc00y"); return f.has("x\ufffdy");
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
