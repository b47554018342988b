/** Demo for variant leader-answers-vote-with-heartbeat: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../leader-answers-vote-with-heartbeat/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-0.7] Each request is answered with exactly one reply, to its sender, and nothing else is sent in that call.";
report('leader-answers-vote-with-heartbeat', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  campaign(node);
  node.step('n2', vote(1));
  node.step('n3', vote(1)); // leader of term 1
  sent.length = 0;
  node.step('n4', rv(1)); // a late RequestVote of term 1 from a rival candidate
  return `sent in that call: ${msgs(sent)}`;
}, Base, Variant);
