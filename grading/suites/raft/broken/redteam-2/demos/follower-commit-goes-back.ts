/** Demo for variant follower-commit-goes-back: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../follower-commit-goes-back/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "the commit index never goes back.";
report('follower-commit-goes-back', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 1, command: 'c' }], 3));
  const before = node.commitIndex;
  node.step('n2', ae(1, 1, 1, [], 4)); // a later heartbeat from an earlier nextIndex
  return `commitIndex ${before} then ${node.commitIndex}`;
}, Base, Variant);
