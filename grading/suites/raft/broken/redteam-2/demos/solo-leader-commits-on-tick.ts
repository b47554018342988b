/** Demo for variant solo-leader-commits-on-tick: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../solo-leader-commits-on-tick/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "This holds after every call: a leader alone (a cluster of one) commits each proposal in the `propose` call that makes it.";
report('solo-leader-commits-on-tick', clause, (C: Ctor): string => {
  const { node, applied } = bench(C, { peers: [] });
  campaign(node);
  const r = node.propose('x');
  return `propose -> ${JSON.stringify(r)}; right after: commitIndex ${node.commitIndex}, applied ${applied.length}`;
}, Base, Variant);
