/** Demo for variants/heartbeat-every-two-ticks: one scenario, base against variant. Run: npx tsx demos/heartbeat-every-two-ticks.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../heartbeat-every-two-ticks/raft.ts';
import { type Impl, bench, elect, show } from './_lib.ts';

show('heartbeat-every-two-ticks', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  elect(b);
  b.drain();
  for (let i = 0; i < 4; i++) b.node.tick();
  return `AppendEntries sent by the leader in 4 ticks to 4 peers: ${b.drain().length}`;
});
