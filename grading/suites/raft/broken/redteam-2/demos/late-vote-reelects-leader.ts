/** Demo for variant late-vote-reelects-leader: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../late-vote-reelects-leader/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-1.9] a vote that reaches a node that is no longer a candidate of that term (a follower of another leader, or already leader) changes nothing in its state.";
report('late-vote-reelects-leader', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  campaign(node);
  node.step('n2', vote(1));
  node.step('n3', vote(1)); // leader of term 1
  node.propose('x');
  node.step('n2', aer(1, true, 1, 1));
  sent.length = 0;
  node.step('n4', vote(1)); // a late vote
  const n = sent.length;
  node.step('n3', aer(1, true, 1, 1)); // n1, n2, n3 hold entry 1: 3 of 5
  return `late vote sent ${n} msgs; after n3's ack commitIndex ${node.commitIndex}`;
}, Base, Variant);
