import * as B from '../base/bloom-filter.ts';
import * as V from '../shape-msg-only-diff/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return new M.BloomFilter(1021, 7).union(new M.BloomFilter(2039, 7));
});
compare('shape-msg-only-diff', 'BF-3.5', '1021×7 ∪ 2039×7: error message', run(B), run(V as unknown as M));
