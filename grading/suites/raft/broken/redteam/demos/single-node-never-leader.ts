/** Demo for variants/single-node-never-leader: one scenario, base against variant. Run: npx tsx demos/single-node-never-leader.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../single-node-never-leader/raft.ts';
import { type Impl, bench, show } from './_lib.ts';

show('single-node-never-leader', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl, { peers: [] });
  for (let i = 0; i < 40; i++) b.node.tick();
  return `one-node cluster after 40 ticks: ${b.node.role}, term ${b.node.term}`;
});
