import * as B from '../base/bloom-filter.ts';
import * as V from '../frombytes-share-large-chunks/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(2 ** 20, 3);
  f.add('k');
  const bytes = f.toBytes();
  const g = M.BloomFilter.fromBytes(bytes);
  bytes.fill(0, 10);
  return g.has('k');
});
compare('frombytes-share-large-chunks', 'BF-4.6', 'g = fromBytes(bytes) of a 2^20-bit filter holding "k"; then the caller zeroes bytes; g.has("k")?', run(B), run(V as unknown as M));
