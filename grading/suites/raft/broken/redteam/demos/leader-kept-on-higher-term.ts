/** Demo for variants/leader-kept-on-higher-term: one scenario, base against variant. Run: npx tsx demos/leader-kept-on-higher-term.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../leader-kept-on-higher-term/raft.ts';
import { type Impl, ae, bench, rv, show } from './_lib.ts';

show('leader-kept-on-higher-term', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, [])); // n2 leads term 1
  b.node.step('n3', rv(2, 0, 0)); // n3 campaigns in term 2
  return `term ${b.node.term}: leader ${b.node.leader}, propose → ${JSON.stringify(b.node.propose('x'))}`;
});
