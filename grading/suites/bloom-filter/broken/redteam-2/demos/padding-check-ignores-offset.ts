import * as B from '../base/bloom-filter.ts';
import * as V from '../padding-check-ignores-offset/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(20, 3);
  f.add('a');
  const b = f.toBytes();
  const buf = new Uint8Array(b.length + 30).fill(0xff);
  buf.set(b, 20);
  const g = M.BloomFilter.fromBytes(buf.subarray(20, 20 + b.length));
  return g.has('a');
});
compare('padding-check-ignores-offset', 'BF-4.8', 'valid 20-bit filter bytes at byteOffset 20 in a buffer whose other bytes are 0xff', run(B), run(V as unknown as M));
