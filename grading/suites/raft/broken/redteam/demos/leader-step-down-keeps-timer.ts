/** Demo for variants/leader-step-down-keeps-timer: one scenario, base against variant. Run: npx tsx demos/leader-step-down-keeps-timer.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../leader-step-down-keeps-timer/raft.ts';
import { type Impl, ar, bench, elect, show } from './_lib.ts';

show('leader-step-down-keeps-timer', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  elect(b);
  for (let i = 0; i < 30; i++) b.node.tick(); // 30 ticks as leader
  b.node.step('n2', ar(9, false, 0, 0)); // a reply carrying term 9: step down
  const after = `${b.node.role} in term ${b.node.term}`;
  b.node.tick();
  return `stepped down: ${after}; one tick later: ${b.node.role}, term ${b.node.term}`;
});
