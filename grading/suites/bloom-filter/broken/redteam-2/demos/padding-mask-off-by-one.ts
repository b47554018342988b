import * as B from '../base/bloom-filter.ts';
import * as V from '../padding-mask-off-by-one/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const b = new M.BloomFilter(20, 3).toBytes();
  b[12]! |= 0x10;
  return M.BloomFilter.fromBytes(b).bits;
});
compare('padding-mask-off-by-one', 'BF-4.13', '20-bit filter bytes with padding bit 20 (the first past m) set', run(B), run(V as unknown as M));
