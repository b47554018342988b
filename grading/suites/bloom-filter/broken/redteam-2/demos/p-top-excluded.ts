import * as B from '../base/bloom-filter.ts';
import * as V from '../p-top-excluded/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return M.optimalParameters(1, 1 - 2 ** -53);
});
compare('p-top-excluded', 'BF-1.8', 'optimalParameters(1, 1 - 2^-53), the top of the p range', run(B), run(V as unknown as M));
