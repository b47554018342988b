/** Demo for variants/apply-at-next-tick: one scenario, base against variant. Run: npx tsx demos/apply-at-next-tick.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../apply-at-next-tick/raft.ts';
import { type Impl, ar, bench, elect, show } from './_lib.ts';

show('apply-at-next-tick', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  const term = elect(b);
  b.node.propose('x');
  b.node.step('n2', ar(term, true, 1, 1));
  b.node.step('n3', ar(term, true, 1, 1));
  const inCall = b.applied.length;
  b.node.tick();
  return `commit ${b.node.commitIndex}; applied in the call that committed: ${inCall}, after the next tick: ${b.applied.length}`;
});
