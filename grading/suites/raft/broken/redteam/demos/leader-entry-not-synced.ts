/** Demo for variants/leader-entry-not-synced: one scenario, base against variant. Run: npx tsx demos/leader-entry-not-synced.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../leader-entry-not-synced/raft.ts';
import { type Impl, bench, elect, logOf, restart, show } from './_lib.ts';

show('leader-entry-not-synced', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  elect(b);
  b.node.propose('x');
  b.drain();
  b.node.tick(); // the AppendEntries carrying x leaves
  const sent = b.drain()[0];
  const r = restart(Impl, b);
  return `sent ${sent}; after the worst crash log [${logOf(r.node)}]`;
});
