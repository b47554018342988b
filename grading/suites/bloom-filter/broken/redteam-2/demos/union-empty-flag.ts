import * as B from '../base/bloom-filter.ts';
import * as V from '../union-empty-flag/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const a = new M.BloomFilter(1024, 7);
  const b = new M.BloomFilter(1024, 7);
  b.add('x');
  return a.union(b).has('x');
});
compare('union-empty-flag', 'BF-3.1', 'empty a ∪ b where b holds "x": has("x")?', run(B), run(V as unknown as M));
