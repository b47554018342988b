import * as B from '../base/bloom-filter.ts';
import * as V from '../items-msg-name/bloom-filter.ts';
import { murmur3Calls } from '../base/murmur3.ts';
import { compare, outcome } from './_h.ts';

void murmur3Calls;
type M = typeof B;
const run = (M: M) => outcome(() => {
  try {
    M.expectedFalsePositiveRate(10, 1, -1);
    return 'no throw';
  } catch (e) {
    return { names: /\\bitems\\b/.test((e as Error).message), message: (e as Error).message };
  }
});
compare('items-msg-name', 'BF-0.1/BF-1.10', 'expectedFalsePositiveRate(10, 1, -1): does the message name items?', run(B), run(V as unknown as M));
