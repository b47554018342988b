/** Demo for variants/stale-vote-reply-counted: one scenario, base against variant. Run: npx tsx demos/stale-vote-reply-counted.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../stale-vote-reply-counted/raft.ts';
import { type Impl, bench, campaign, show, vr } from './_lib.ts';

show('stale-vote-reply-counted', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  campaign(b.node);
  const old = b.node.term;
  while (b.node.term === old) b.node.tick(); // that election times out: a new one, term + 1
  b.node.step('n2', vr(old, true)); // late votes for the previous election
  b.node.step('n3', vr(old, true));
  return `candidate of term ${b.node.term} after two votes of term ${old}: ${b.node.role}`;
});
