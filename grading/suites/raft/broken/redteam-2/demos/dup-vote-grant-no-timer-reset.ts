/** Demo for variant dup-vote-grant-no-timer-reset: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../dup-vote-grant-no-timer-reset/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-1.3] exactly when the node is constructed, starts an election, grants a vote, or receives an AppendEntries from the leader of its current term";
report('dup-vote-grant-no-timer-reset', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n2', rv(1));
  for (let i = 0; i < 9; i++) node.tick();
  node.step('n2', rv(1)); // duplicated request: granted again, so the timer restarts
  return `ticks from the re-granted duplicate to the next election: ${campaign(node)} (must be >= 10)`;
}, Base, Variant);
