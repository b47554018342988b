/** Demo for variant commit-checks-last-entry-term: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../commit-checks-last-entry-term/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.11] The leader's `commitIndex` is the highest index `N` stored on a majority, itself included, **if** entry `N` is of the leader's current term; otherwise it stays where it is.";
report('commit-checks-last-entry-term', clause, (C: Ctor): string => {
  const { node, applied } = bench(C);
  node.step('n2', ae(2, 0, 0, [{ term: 1, command: 'a' }, { term: 2, command: 'b' }]));
  campaign(node); // term 3
  node.step('n3', vote(3));
  node.step('n4', vote(3));
  node.propose('c'); // index 3, term 3, only on n1
  node.step('n2', aer(3, true, 2, 2));
  node.step('n3', aer(3, true, 2, 2)); // index 2 (term 2) on n1, n2, n3: a majority, but not of term 3
  return `term ${node.term} leader; commitIndex ${node.commitIndex}, applied ${applied.length}`;
}, Base, Variant);
