/** Demo for variant reply-lastLogIndex-before-request: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../reply-lastLogIndex-before-request/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "`lastLogIndex` is the follower's last index after the request, a hint for how far back to step.";
report('reply-lastLogIndex-before-request', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }, { term: 1, command: 'b' }]));
  return `reply: ${msgs(sent)}`;
}, Base, Variant);
