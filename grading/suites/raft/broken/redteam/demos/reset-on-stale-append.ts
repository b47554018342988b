/** Demo for variants/reset-on-stale-append: one scenario, base against variant. Run: npx tsx demos/reset-on-stale-append.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../reset-on-stale-append/raft.ts';
import { type Bench, type Impl, ae, bench, show, timerLength } from './_lib.ts';

show('reset-on-stale-append', Base, Variant, (Impl: Impl): string => {
  const setup = (b: Bench) => b.node.step('n2', ae(3, 0, 0, [])); // follower of n2 in term 3
  const T = timerLength(Impl, setup);
  const b = bench(Impl);
  setup(b);
  for (let i = 0; i < T - 1; i++) b.node.tick();
  b.node.step('n4', ae(1, 0, 0, [])); // a deposed leader of term 1
  const reply = b.drain().at(-1);
  b.node.tick();
  return `${reply}; one tick later (the tick its timer was due): ${b.node.role}, term ${b.node.term}`;
});
