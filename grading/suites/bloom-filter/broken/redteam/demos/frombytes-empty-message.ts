/**
 * Demo for variant `frombytes-empty-message`: the too-short error is a RangeError with an empty message.
 * Run: npx tsx demos/frombytes-empty-message.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-empty-message/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-empty-message/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "frombytes-empty-message",
  "Every error's message says what was wrong; none is empty.",
  (impl) => {
    const m = impl.m;
    try { m.BloomFilter.fromBytes(new Uint8Array(3)); return "accepted"; } catch (e) { return { name: (e as Error).name, message: (e as Error).message }; }
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
