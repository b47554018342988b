/** Demo for variants/candidate-stays-on-append: one scenario, base against variant. Run: npx tsx demos/candidate-stays-on-append.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../candidate-stays-on-append/raft.ts';
import { type Impl, ae, bench, campaign, show } from './_lib.ts';

show('candidate-stays-on-append', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  campaign(b.node);
  b.node.step('n2', ae(b.node.term, 0, 0, []));
  return `candidate of term ${b.node.term} after AppendEntries of its term from n2: role ${b.node.role}, leader ${b.node.leader}`;
});
