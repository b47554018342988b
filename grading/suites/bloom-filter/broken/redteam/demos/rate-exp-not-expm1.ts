/**
 * Demo for variant `rate-exp-not-expm1`: computes 1 − e^(−x) as 1 - Math.exp(-x), losing the digits of a tiny x (relative error up to ~100 %).
 * Run: npx tsx demos/rate-exp-not-expm1.ts
 */
import * as baseMod from '../base/bloom-filter';
import { murmur3Calls as baseCalls } from '../base/murmur3';
import * as variantMod from '../rate-exp-not-expm1/bloom-filter';
import { murmur3Calls as variantCalls } from '../rate-exp-not-expm1/murmur3';
import { compare, type Mod } from './_lib';

const exact = (m: number, k: number, n: number) => Math.pow(-Math.expm1(-k * n / m), k);

compare(
  "rate-exp-not-expm1",
  "(1 − e^(−k·n/m))^k",
  (impl) => {
    const m = impl.m;
    const r = m.expectedFalsePositiveRate(2 ** 32 - 1, 1, 1e-6); return { rate: r, relativeError: Math.abs(r / exact(2 ** 32 - 1, 1, 1e-6) - 1) };
  },
  { m: baseMod, calls: baseCalls },
  { m: variantMod as unknown as Mod, calls: variantCalls },
);
