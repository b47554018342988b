import * as B from '../base/bloom-filter.ts';
import * as V from '../key-slice-end/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(1024, 7);
  const big = new Uint8Array([9, 9, 9, 1, 2, 3, 9, 9, 9, 9]);
  return { view: f.indexes(big.subarray(3, 6)), own: f.indexes(new Uint8Array([1, 2, 3])) };
});
compare('key-slice-end', 'BF-2.5', 'key = bytes 3..6 of a 10-byte buffer vs the same 3 bytes in their own array', run(B), run(V as unknown as M));
