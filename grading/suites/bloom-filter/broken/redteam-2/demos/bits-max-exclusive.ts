import * as B from '../base/bloom-filter.ts';
import * as V from '../bits-max-exclusive/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return M.optimalParameters((2 ** 32 - 1.5) * Math.LN2, 0.5);
});
compare('bits-max-exclusive', 'BF-1.11/BF-1.1', 'n = (2^32 - 1.5)·ln 2, p = 0.5 needs exactly 2^32 - 1 bits', run(B), run(V as unknown as M));
