import * as B from '../base/bloom-filter.ts';
import * as V from '../hashes-from-unclamped-bits/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return M.optimalParameters(Number.MIN_VALUE, 1 - 2 ** -53);
});
compare('hashes-from-unclamped-bits', 'BF-1.2', 'optimalParameters(Number.MIN_VALUE, 1 - 2^-53): the quotient underflows to 0, bits is 1', run(B), run(V as unknown as M));
