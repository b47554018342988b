/** Demo for variant commit-median-even-size: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../commit-median-even-size/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.11] The leader's `commitIndex` is the highest index `N` stored on a majority, itself included, **if** entry `N` is of the leader's current term; otherwise it stays where it is.";
report('commit-median-even-size', clause, (C: Ctor): string => {
  const { node, applied } = bench(C, { peers: ['n2', 'n3', 'n4'] });
  campaign(node);
  node.step('n2', vote(1));
  node.step('n3', vote(1));
  node.propose('x');
  node.step('n2', aer(1, true, 1, 1)); // stored on n1 and n2: 2 of 4, no majority
  return `4 nodes, entry on 2 of them: commitIndex ${node.commitIndex}, applied ${applied.length}`;
}, Base, Variant);
