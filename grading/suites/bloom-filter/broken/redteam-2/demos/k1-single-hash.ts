import * as B from '../base/bloom-filter.ts';
import * as V from '../k1-single-hash/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(1024, 1);
  const c0 = murmur3Calls();
  f.add('x');
  return { calls: murmur3Calls() - c0, indexes: f.indexes('x') };
});
compare('k1-single-hash', 'BF-2.13', 'murmur3 calls for add("x") on a filter with 1 hash', run(B), run(V as unknown as M));
