/** Demo for variant commit-index-persisted: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../commit-index-persisted/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-3.2] Everything else starts afresh: role follower, no known leader, commit index 0, a new election timer.";
report('commit-index-persisted', clause, (C: Ctor): string => {
  const { node, storage } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }], 1));
  const r = bench(C, { storage: storage.durableCopy() });
  const c0 = r.node.commitIndex;
  r.node.step('n2', ae(1, 1, 1, [], 1));
  return `restarted commitIndex ${c0}; applied again after heartbeat: ${JSON.stringify(r.applied)}`;
}, Base, Variant);
