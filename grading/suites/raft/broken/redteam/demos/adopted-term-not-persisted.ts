/** Demo for variants/adopted-term-not-persisted: one scenario, base against variant. Run: npx tsx demos/adopted-term-not-persisted.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../adopted-term-not-persisted/raft.ts';
import { type Impl, ae, bench, restart, show } from './_lib.ts';

show('adopted-term-not-persisted', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(3, 0, 0, [])); // the leader of term 3
  const told = b.drain().join('');
  const r = restart(Impl, b);
  const restored = r.node.term;
  r.node.step('n4', ae(2, 0, 0, [])); // a deposed leader of term 2
  return `told n2 ${told}; after the worst crash term ${restored}, and answers the term-2 leader ${r.drain().join('')}`;
});
