/**
 * Demo for variant `frombytes-dataview-ignores-offset`: reads bits with new DataView(bytes.buffer), ignoring byteOffset.
 * Run: npx tsx demos/frombytes-dataview-ignores-offset.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../frombytes-dataview-ignores-offset/bloom-filter';
import { murmur3Calls as variantCalls } from '../frombytes-dataview-ignores-offset/murmur3';
import { compare, type Mod } from './_lib';

const src = new baseMod.BloomFilter(64, 3); src.add("persisted"); const image = src.toBytes();
const block = new Uint8Array(100); block.set(image, 37); const view = block.subarray(37, 37 + image.length);

compare(
  "frombytes-dataview-ignores-offset",
  "The input may be a view into a larger buffer (`byteOffset` > 0)",
  (impl) => {
    const m = impl.m;
    return m.BloomFilter.fromBytes(view).has("persisted");
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
