/** Demo for variant follower-commit-to-log-end: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../follower-commit-to-log-end/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.8] if `leaderCommit > commitIndex`, sets `commitIndex = min(leaderCommit, prevLogIndex + entries.length)`, the last entry this request vouched for, not the end of its log";
report('follower-commit-to-log-end', clause, (C: Ctor): string => {
  const { node, applied } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 1, command: 'c' }]));
  node.step('n3', ae(2, 1, 1, [], 3)); // new leader's heartbeat vouches only for index 1
  return `commitIndex ${node.commitIndex}, applied ${applied.map((a) => a.command).join(',')}`;
}, Base, Variant);
