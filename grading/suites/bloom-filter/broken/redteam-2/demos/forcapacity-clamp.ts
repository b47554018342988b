import * as B from '../base/bloom-filter.ts';
import * as V from '../forcapacity-clamp/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = M.BloomFilter.forCapacity(1e12, 1e-10);
  return { bits: f.bits, hashes: f.hashes };
});
compare('forcapacity-clamp', 'BF-1.4/BF-1.11', 'forCapacity(1e12, 1e-10) needs more than 2^32 - 1 bits', run(B), run(V as unknown as M));
