/** Demo for variants/reset-on-higher-term-adoption: one scenario, base against variant. Run: npx tsx demos/reset-on-higher-term-adoption.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../reset-on-higher-term-adoption/raft.ts';
import { type Bench, type Impl, ae, bench, es, rv, show, timerLength } from './_lib.ts';

show('reset-on-higher-term-adoption', Base, Variant, (Impl: Impl): string => {
  const setup = (b: Bench) => b.node.step('n2', ae(1, 0, 0, es('1:a'))); // term 1, log ends at 1@1; timer reset
  const T = timerLength(Impl, setup);
  const b = bench(Impl);
  setup(b);
  for (let i = 0; i < T - 1; i++) b.node.tick();
  b.node.step('n3', rv(5, 0, 0)); // higher term, but a less up-to-date log: refused
  const reply = b.drain().at(-1);
  b.node.tick();
  return `${reply}; one tick later (the tick its timer was due): ${b.node.role}, term ${b.node.term}`;
});
