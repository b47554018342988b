import * as B from '../base/bloom-filter.ts';
import * as V from '../header-signed-shift/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(2 ** 31 + 9, 3);
  f.add('k');
  const g = M.BloomFilter.fromBytes(f.toBytes());
  return { bits: g.bits, hasK: g.has('k') };
});
compare('header-signed-shift', 'BF-4.7', 'round trip of a filter of 2^31 + 9 bits (256 MiB) holding "k"', run(B), run(V as unknown as M));
