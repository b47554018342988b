import * as B from '../base/bloom-filter.ts';
import * as V from '../params-memo/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  const a = M.optimalParameters(1000, 0.01) as { bits: number };
  a.bits = 1;
  return M.optimalParameters(1000, 0.01);
});
compare('params-memo', 'BF-1.3', 'caller edits the object of one call, then calls again with the same arguments', run(B), run(V as unknown as M));
