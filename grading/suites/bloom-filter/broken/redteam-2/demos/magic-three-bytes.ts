import * as B from '../base/bloom-filter.ts';
import * as V from '../magic-three-bytes/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const b = new M.BloomFilter(20, 3).toBytes();
  b[3] = 0x47;
  return M.BloomFilter.fromBytes(b).bits;
});
compare('magic-three-bytes', 'BF-4.10', 'magic "FLBG" (last magic byte wrong)', run(B), run(V as unknown as M));
