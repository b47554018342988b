import * as B from '../base/bloom-filter.ts';
import * as V from '../n-max-excluded/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return M.optimalParameters(Number.MAX_VALUE, 0.5);
});
compare('n-max-excluded', 'BF-1.7/BF-1.11', 'optimalParameters(Number.MAX_VALUE, 0.5): n is in range, the bits are not', run(B), run(V as unknown as M));
