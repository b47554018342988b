/** Demo for variant solo-candidate-waits-a-tick: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../solo-candidate-waits-a-tick/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-1.9] With a majority of the cluster (2 of 2, 2 of 3, 3 of 4, 3 of 5, 4 of 7; in a cluster of one, its own vote, as it starts the election) it becomes leader at once";
report('solo-candidate-waits-a-tick', clause, (C: Ctor): string => {
  const { node } = bench(C, { peers: [] });
  campaign(node);
  return `cluster of one, after the tick that starts the election: role ${node.role}, term ${node.term}`;
}, Base, Variant);
