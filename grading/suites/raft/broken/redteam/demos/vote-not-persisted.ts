/** Demo for variants/vote-not-persisted: one scenario, base against variant. Run: npx tsx demos/vote-not-persisted.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../vote-not-persisted/raft.ts';
import { type Impl, bench, restart, rv, show } from './_lib.ts';

show('vote-not-persisted', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', rv(1, 0, 0));
  const r = restart(Impl, b);
  const restored = `term ${r.node.term}, votedFor ${r.node.votedFor}`;
  r.node.step('n3', rv(1, 0, 0));
  return `granted n2 in term 1: ${b.drain().join('')}; after the worst crash ${restored}, and n3 gets ${r.drain().join('')}`;
});
