/** Demo for variant stale-append-sets-leader: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../stale-append-sets-leader/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-1.5] A RequestVote or AppendEntries with a lower term is refused, and the reply carries the current term.";
report('stale-append-sets-leader', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n2', ae(2, 0, 0, []));
  node.step('n3', ae(1, 0, 0, [])); // a deposed leader of term 1
  return `term ${node.term}, leader ${node.leader}, propose -> ${JSON.stringify(node.propose('x'))}`;
}, Base, Variant);
