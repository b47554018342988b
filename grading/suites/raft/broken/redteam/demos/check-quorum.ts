/** Demo for variants/check-quorum: one scenario, base against variant. Run: npx tsx demos/check-quorum.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../check-quorum/raft.ts';
import { type Impl, bench, elect, show } from './_lib.ts';

show('check-quorum', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  elect(b);
  for (let i = 0; i < 25; i++) b.node.tick(); // no reply from anyone for 25 ticks
  return `leader of term ${b.node.term} after 25 silent ticks: ${b.node.role}`;
});
