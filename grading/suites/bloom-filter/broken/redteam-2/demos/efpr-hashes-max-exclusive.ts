import * as B from '../base/bloom-filter.ts';
import * as V from '../efpr-hashes-max-exclusive/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return M.expectedFalsePositiveRate(1000, 255, 1);
});
compare('efpr-hashes-max-exclusive', 'BF-1.9', 'expectedFalsePositiveRate(1000, 255, 1): 255 hashes is the top of the range', run(B), run(V as unknown as M));
