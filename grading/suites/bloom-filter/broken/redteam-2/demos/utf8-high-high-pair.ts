import * as B from '../base/bloom-filter.ts';
import * as V from '../utf8-high-high-pair/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(1024, 7);
  return { str: f.indexes('\ud800\ud800'), bytes: f.indexes(new Uint8Array([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd])) };
});
compare('utf8-high-high-pair', 'BF-2.4/BF-2.3', 'two lone high surrogates "\\\\ud800\\\\ud800" vs bytes ef bf bd ef bf bd', run(B), run(V as unknown as M));
