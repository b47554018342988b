/**
 * Demo for variant `sizing-message-omits-name`: the falsePositiveRate error calls it "p", not falsePositiveRate.
 * Run: npx tsx demos/sizing-message-omits-name.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../sizing-message-omits-name/bloom-filter';
import { murmur3Calls as variantCalls } from '../sizing-message-omits-name/murmur3';
import { compare, type Mod } from './_lib';



compare(
  "sizing-message-omits-name",
  "@throws RangeError naming the argument when either is out of range",
  (impl) => {
    const m = impl.m;
    try { return m.optimalParameters(100, 1.5); } catch (e) { return { name: (e as Error).name, message: (e as Error).message, namesArgument: /falsePositiveRate/.test((e as Error).message) }; }
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
