/** Demo for variants/leader-waits-for-tick: one scenario, base against variant. Run: npx tsx demos/leader-waits-for-tick.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../leader-waits-for-tick/raft.ts';
import { type Impl, bench, campaign, show, vr } from './_lib.ts';

show('leader-waits-for-tick', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  campaign(b.node);
  b.drain();
  b.node.step('n2', vr(b.node.term, true));
  b.node.step('n3', vr(b.node.term, true));
  const sent = b.drain();
  return `${b.node.role}; sent in the winning call: ${sent.length ? sent.join(' ; ') : 'nothing'}`;
});
