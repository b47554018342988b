/** Demo for variants/no-reset-on-grant: one scenario, base against variant. Run: npx tsx demos/no-reset-on-grant.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../no-reset-on-grant/raft.ts';
import { type Impl, bench, rv, show, timerLength } from './_lib.ts';

show('no-reset-on-grant', Base, Variant, (Impl: Impl): string => {
  const T = timerLength(Impl, () => {});
  const b = bench(Impl);
  for (let i = 0; i < T - 1; i++) b.node.tick();
  b.node.step('n2', rv(1, 0, 0));
  const reply = b.drain().at(-1);
  b.node.tick();
  return `${reply}; one tick later: ${b.node.role}, term ${b.node.term}`;
});
