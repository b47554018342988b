/** Demo for variant applied-with-current-term: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../applied-with-current-term/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.12] **Apply.** In the call that raises its commit index, a node emits `ctx.emit({ type: 'applied', index, term, command })` for each newly committed entry";
report('applied-with-current-term', clause, (C: Ctor): string => {
  const { node, applied } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }]));
  node.step('n3', ae(2, 1, 1, [], 1)); // new leader of term 2 commits the term-1 entry
  return `log ${fmt(node.log)}; applied ${JSON.stringify(applied)}`;
}, Base, Variant);
