/** Demo for variant follower-learns-leader-only-as-candidate: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../follower-learns-leader-only-as-candidate/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-0.5] `leader`: the leader it knows of in its current term, itself if it leads, else `undefined`.";
report('follower-learns-leader-only-as-candidate', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n2', rv(1)); // votes for n2 in term 1
  node.step('n2', ae(1, 0, 0, [])); // n2 won term 1
  return `leader ${node.leader}, propose -> ${JSON.stringify(node.propose('x'))}`;
}, Base, Variant);
