import * as B from '../base/bloom-filter.ts';
import * as V from '../ln-reciprocal-p/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return M.optimalParameters(1, Number.MIN_VALUE);
});
compare('ln-reciprocal-p', 'BF-1.1/BF-1.8', 'optimalParameters(1, Number.MIN_VALUE): ln(1/p) overflows', run(B), run(V as unknown as M));
