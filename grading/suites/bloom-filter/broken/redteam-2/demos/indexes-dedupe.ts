import * as B from '../base/bloom-filter.ts';
import * as V from '../indexes-dedupe/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  return new M.BloomFilter(1, 3).indexes('a');
});
compare('indexes-dedupe', 'BF-2.7', 'indexes("a") on a 1-bit filter with 3 hashes', run(B), run(V as unknown as M));
