import * as B from '../base/bloom-filter.ts';
import * as V from '../fpr-expm1-threshold/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const r = M.expectedFalsePositiveRate(843683, 3, 0.00283);
  const ref = Math.pow(-Math.expm1(-(3 * 0.00283) / 843683), 3);
  return { r, relErrVsExpm1: Math.abs(r - ref) / ref };
});
compare('fpr-expm1-threshold', 'BF-1.5', 'expectedFalsePositiveRate(843683, 3, 0.00283), k·n/m ≈ 1e-8', run(B), run(V as unknown as M));
