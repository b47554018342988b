/** Demo for variants/single-node-never-commits: one scenario, base against variant. Run: npx tsx demos/single-node-never-commits.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../single-node-never-commits/raft.ts';
import { type Impl, bench, show } from './_lib.ts';

show('single-node-never-commits', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl, { peers: [] });
  while (b.node.role !== 'leader' && b.node.term < 5) b.node.tick();
  b.node.propose('x');
  for (let i = 0; i < 5; i++) b.node.tick();
  return `one-node leader after propose and 5 ticks: commit ${b.node.commitIndex}, applied ${b.applied.length}`;
});
