/** Demo for variants/majority-half-of-even-cluster: one scenario, base against variant. Run: npx tsx demos/majority-half-of-even-cluster.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../majority-half-of-even-cluster/raft.ts';
import { type Impl, bench, campaign, show, vr } from './_lib.ts';

show('majority-half-of-even-cluster', Base, Variant, (Impl: Impl): string => {
  const four = bench(Impl, { peers: ['n2', 'n3', 'n4'] });
  campaign(four.node);
  four.node.step('n2', vr(four.node.term, true));
  const two = bench(Impl, { peers: ['n2'] });
  campaign(two.node);
  return `4 nodes, votes n1+n2: ${four.node.role}; 2 nodes, own vote only: ${two.node.role}`;
});
