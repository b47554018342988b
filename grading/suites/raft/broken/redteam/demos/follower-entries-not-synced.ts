/** Demo for variants/follower-entries-not-synced: one scenario, base against variant. Run: npx tsx demos/follower-entries-not-synced.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../follower-entries-not-synced/raft.ts';
import { type Impl, ae, bench, es, logOf, restart, show } from './_lib.ts';

show('follower-entries-not-synced', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b')));
  const ack = b.drain().join('');
  const r = restart(Impl, b);
  return `acknowledged ${ack}; after the worst crash log [${logOf(r.node)}]`;
});
