/** Demo for variants/etcd-no-vote-with-leader: one scenario, base against variant. Run: npx tsx demos/etcd-no-vote-with-leader.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../etcd-no-vote-with-leader/raft.ts';
import { type Impl, ae, bench, rv, show } from './_lib.ts';

show('etcd-no-vote-with-leader', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, [])); // n2 leads term 1; n1 has not voted in term 1
  b.drain();
  b.node.step('n3', rv(1, 0, 0)); // a late candidate of term 1, with an up-to-date log
  return `knows leader n2, no vote yet: ${b.drain().join('')}`;
});
