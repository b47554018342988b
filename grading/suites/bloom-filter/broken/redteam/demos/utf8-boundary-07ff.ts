/**
 * Demo for variant `utf8-boundary-07ff`: hand-rolled UTF-8 encoder with an off-by-one boundary (c < 0x7ff): U+07FF becomes an overlong 3-byte sequence.
 * Run: npx tsx demos/utf8-boundary-07ff.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../utf8-boundary-07ff/bloom-filter';
import { murmur3Calls as variantCalls } from '../utf8-boundary-07ff/murmur3';
import { compare, type Mod } from './_lib';

const utf8 = new TextEncoder().encode("\u07ff"); // df bf

compare(
  "utf8-boundary-07ff",
  "A key: a string (hashed as its UTF-8 bytes) or raw bytes.",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(1000, 3); f.add(utf8); return { hasStringU07FF: f.has("\u07ff"), asString: f.indexes("\u07ff"), asBytes: f.indexes(utf8) };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
