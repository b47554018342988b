/** Demo for variants/follower-handles-append-replies: one scenario, base against variant. Run: npx tsx demos/follower-handles-append-replies.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../follower-handles-append-replies/raft.ts';
import { type Impl, ar, bench, elect, restart, show } from './_lib.ts';

show('follower-handles-append-replies', Base, Variant, (Impl: Impl): string => {
  const peers = ['n2', 'n3'];
  const b = bench(Impl, { peers });
  const term = elect(b, ['n2']);
  b.node.propose('a'); // leader of term 1, three nodes
  const r = restart(Impl, b, { peers }); // crash; back as a follower
  r.node.step('n2', ar(term, true, 1, 1)); // replies to what it sent before the crash
  r.node.step('n3', ar(term, false, 1, 0));
  const sent = r.drain();
  return `restarted ${r.node.role}: commit ${r.node.commitIndex}, applied ${r.applied.length}, sent ${sent.length ? sent.join(' ; ') : 'nothing'}`;
});
