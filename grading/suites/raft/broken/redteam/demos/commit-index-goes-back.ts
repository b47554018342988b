/** Demo for variants/commit-index-goes-back: one scenario, base against variant. Run: npx tsx demos/commit-index-goes-back.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../commit-index-goes-back/raft.ts';
import { type Impl, ae, bench, es, show } from './_lib.ts';

show('commit-index-goes-back', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b', '1:c'), 3));
  const first = b.node.commitIndex;
  b.node.step('n2', ae(1, 0, 0, es('1:a'), 4)); // a retransmission from index 1, carrying a later leaderCommit
  return `commit ${first}, then ${b.node.commitIndex}`;
});
