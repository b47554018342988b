/**
 * Demo for variant `ctor-hashes-256-accepted`: constructor upper bound off by one: accepts 256 hashes (which the 1-byte header field cannot hold).
 * Run: npx tsx demos/ctor-hashes-256-accepted.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../ctor-hashes-256-accepted/bloom-filter';
import { murmur3Calls as variantCalls } from '../ctor-hashes-256-accepted/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "ctor-hashes-256-accepted",
  "@throws RangeError naming `bits` or `hashes` when not an integer in range (see BloomParameters).",
  (impl) => {
    const m = impl.m;
    const f = new m.BloomFilter(16, 256); return { hashes: f.hashes, bytes: f.toBytes() };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
