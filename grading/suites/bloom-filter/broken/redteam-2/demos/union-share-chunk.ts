import * as B from '../base/bloom-filter.ts';
import * as V from '../union-share-chunk/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const a = new M.BloomFilter(1024, 7);
  a.add('x');
  const u = a.union(new M.BloomFilter(1024, 7));
  a.add('y');
  return u.has('y');
});
compare('union-share-chunk', 'BF-3.4', 'u = a ∪ empty; then a.add("y"); u.has("y")?', run(B), run(V as unknown as M));
