/** Demo for variants/duplicate-vote-reply-counted: one scenario, base against variant. Run: npx tsx demos/duplicate-vote-reply-counted.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../duplicate-vote-reply-counted/raft.ts';
import { type Impl, bench, campaign, show, vr } from './_lib.ts';

show('duplicate-vote-reply-counted', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl); // five nodes: 3 votes needed
  campaign(b.node);
  const term = b.node.term;
  b.node.step('n2', vr(term, true));
  b.node.step('n2', vr(term, true)); // the network duplicated n2's vote
  return `after n2's vote delivered twice: ${b.node.role} (votes from n1, n2 only: 2 of 5)`;
});
