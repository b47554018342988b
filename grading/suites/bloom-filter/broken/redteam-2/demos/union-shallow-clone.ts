import * as B from '../base/bloom-filter.ts';
import * as V from '../union-shallow-clone/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const a = new M.BloomFilter(1024, 7);
  const b = new M.BloomFilter(1024, 7);
  a.add('x');
  b.add('y');
  a.union(b);
  return { aHasY: a.has('y'), aBytes: Array.from(a.toBytes()).join(',').length };
});
compare('union-shallow-clone', 'BF-3.3/BF-3.4', 'a holds "x", b holds "y"; u = a ∪ b; does a now claim "y"?', run(B), run(V as unknown as M));
