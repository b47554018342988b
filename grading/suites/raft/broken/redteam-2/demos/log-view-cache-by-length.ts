/** Demo for variant log-view-cache-by-length: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../log-view-cache-by-length/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-0.6] `commitIndex`, and `log`: entry `i` is `log[i − 1]`.";
report('log-view-cache-by-length', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }, { term: 1, command: 'b' }]));
  void node.log;
  node.step('n3', ae(2, 1, 1, [{ term: 2, command: 'c' }])); // conflict at 2: same length after
  return `log getter: ${fmt(node.log)}`;
}, Base, Variant);
