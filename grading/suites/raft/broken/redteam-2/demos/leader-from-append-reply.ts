/** Demo for variant leader-from-append-reply: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../leader-from-append-reply/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-1.4] A node that receives any message, request or reply, with a term higher than its own adopts that term, forgets its vote and becomes a follower (its `leader` is the sender if the message is an AppendEntries, else unknown)";
report('leader-from-append-reply', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n3', aer(5, false, 0, 0));
  return `term ${node.term}, leader ${node.leader}`;
}, Base, Variant);
