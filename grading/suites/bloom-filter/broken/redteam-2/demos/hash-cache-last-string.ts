import * as B from '../base/bloom-filter.ts';
import * as V from '../hash-cache-last-string/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(1024, 7);
  const c0 = murmur3Calls();
  f.add('x');
  const c1 = murmur3Calls();
  f.has('x');
  return { add: c1 - c0, has: murmur3Calls() - c1 };
});
compare('hash-cache-last-string', 'BF-2.13', 'murmur3 calls for add("x") then has("x")', run(B), run(V as unknown as M));
