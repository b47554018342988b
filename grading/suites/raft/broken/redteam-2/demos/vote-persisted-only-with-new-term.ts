/** Demo for variant vote-persisted-only-with-new-term: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../vote-persisted-only-with-new-term/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-3.1] That covers a vote granted, a term adopted or started,";
report('vote-persisted-only-with-new-term', clause, (C: Ctor): string => {
  const { node, sent, storage } = bench(C);
  node.step('n3', aer(1, false, 0, 0)); // term 1 adopted from a reply, no vote yet
  node.step('n2', rv(1)); // vote granted in the current term
  const r = bench(C, { storage: storage.durableCopy() });
  r.node.step('n4', rv(1));
  return `granted ${JSON.stringify(sent.at(-1)!.message)}; after worst crash votedFor ${r.node.votedFor}, n4 asks term 1 -> ${JSON.stringify(r.sent[0]!.message)}`;
}, Base, Variant);
