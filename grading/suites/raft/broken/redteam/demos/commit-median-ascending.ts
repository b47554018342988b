/** Demo for variants/commit-median-ascending: one scenario, base against variant. Run: npx tsx demos/commit-median-ascending.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../commit-median-ascending/raft.ts';
import { type Impl, ar, bench, elect, show } from './_lib.ts';

show('commit-median-ascending', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl, { peers: ['n2', 'n3', 'n4'] });
  const term = elect(b); // 3 of 4
  b.node.propose('x');
  b.node.step('n2', ar(term, true, 1, 1)); // x on n1 and n2: 2 of 4, not a majority
  return `4 nodes, entry on 2 of them: commit ${b.node.commitIndex}`;
});
