import * as B from '../base/bloom-filter.ts';
import * as V from '../has-empty-no-hash/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(1024, 7);
  const c0 = murmur3Calls();
  const r = f.has('x');
  return { has: r, calls: murmur3Calls() - c0 };
});
compare('has-empty-no-hash', 'BF-2.13', 'murmur3 calls for has("x") on an empty filter', run(B), run(V as unknown as M));
