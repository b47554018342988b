/** Demo for variants/heartbeat-sends-whole-log: one scenario, base against variant. Run: npx tsx demos/heartbeat-sends-whole-log.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../heartbeat-sends-whole-log/raft.ts';
import { type Impl, ar, bench, elect, show } from './_lib.ts';

show('heartbeat-sends-whole-log', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  const term = elect(b);
  b.node.propose('a');
  b.node.propose('b');
  for (const p of ['n2', 'n3', 'n4', 'n5']) b.node.step(p, ar(term, true, 2, 2));
  b.drain();
  b.node.tick();
  return `heartbeat to a follower that matches through 2: ${b.drain()[0]}`;
});
