import * as B from '../base/bloom-filter.ts';
import * as V from '../intersect-ignores-hashes/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const r = new M.BloomFilter(1024, 7).intersect(new M.BloomFilter(1024, 3));
  return { bits: r.bits, hashes: r.hashes };
});
compare('intersect-ignores-hashes', 'BF-3.5', '1024×7 ∩ 1024×3', run(B), run(V as unknown as M));
