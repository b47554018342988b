import * as B from '../base/bloom-filter.ts';
import * as V from '../indexes-scratch/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const f = new M.BloomFilter(1024, 3);
  const a = f.indexes('a');
  const saved = [...a];
  const b = f.indexes('b');
  return { sameArray: a === b, aUnchanged: a.join() === saved.join() };
});
compare('indexes-scratch', 'BF-2.9', 'a = indexes("a"); b = indexes("b"); is a still the indexes of "a"?', run(B), run(V as unknown as M));
