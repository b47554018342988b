import * as B from '../base/bloom-filter.ts';
import * as V from '../items-max-safe/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return M.expectedFalsePositiveRate(1000, 7, 2 ** 60);
});
compare('items-max-safe', 'BF-1.10', 'expectedFalsePositiveRate(1000, 7, 2^60)', run(B), run(V as unknown as M));
