/** Demo for variants/election-keeps-old-leader: one scenario, base against variant. Run: npx tsx demos/election-keeps-old-leader.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../election-keeps-old-leader/raft.ts';
import { type Impl, ae, bench, campaign, show } from './_lib.ts';

show('election-keeps-old-leader', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, [])); // n2 leads term 1
  campaign(b.node); // then falls silent: n1 campaigns in term 2
  return `${b.node.role} of term ${b.node.term}: leader ${b.node.leader}, propose → ${JSON.stringify(b.node.propose('x'))}`;
});
