import * as B from '../base/bloom-filter.ts';
import * as V from '../tobytes-cache/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(20, 3);
  f.add('a');
  f.toBytes().fill(0);
  return Array.from(f.toBytes());
});
compare('tobytes-cache', 'BF-4.5', 'caller zeroes the array toBytes returned, then calls toBytes again', run(B), run(V as unknown as M));
