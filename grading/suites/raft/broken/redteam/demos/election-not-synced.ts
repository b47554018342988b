/** Demo for variants/election-not-synced: one scenario, base against variant. Run: npx tsx demos/election-not-synced.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../election-not-synced/raft.ts';
import { type Impl, bench, campaign, restart, rv, show } from './_lib.ts';

show('election-not-synced', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  campaign(b.node);
  const sent = b.drain()[0];
  const r = restart(Impl, b);
  const restored = `term ${r.node.term}, votedFor ${r.node.votedFor}`;
  r.node.step('n2', rv(1, 0, 0));
  return `sent ${sent}; after the worst crash ${restored}; n2 asks for term 1: ${r.drain().join('')}`;
});
