/**
 * Demo for variant `frombytes-trailing-bytes-accepted`: checks only that the input is long enough, accepting trailing bytes.
 * Run: npx tsx demos/frombytes-trailing-bytes-accepted.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-trailing-bytes-accepted/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-trailing-bytes-accepted/murmur3';
import { compare, type Mod } from './_lib';

const image = new baseMod.BloomFilter(20, 3).toBytes(); const longer = new Uint8Array(image.length + 1); longer.set(image);

compare(
  "frombytes-trailing-bytes-accepted",
  "a length other than 10 + ⌈m/8⌉",
  (impl) => {
    const m = impl.m;
    return { accepted: m.BloomFilter.fromBytes(longer).bits };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
