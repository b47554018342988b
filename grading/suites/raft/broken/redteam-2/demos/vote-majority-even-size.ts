/** Demo for variant vote-majority-even-size: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../vote-majority-even-size/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-0.10] A cluster has from 1 to 7 nodes, and every rule below holds on each size: a majority is more than half (1 of 1, 2 of 2, 2 of 3, 3 of 4, 3 of 5, 4 of 7).";
report('vote-majority-even-size', clause, (C: Ctor): string => {
  const { node } = bench(C, { peers: ['n2', 'n3', 'n4'] });
  campaign(node);
  node.step('n2', vote(1));
  return `4 nodes, votes from self + n2: role ${node.role}`;
}, Base, Variant);
