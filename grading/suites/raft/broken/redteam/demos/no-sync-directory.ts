/** Demo for variants/no-sync-directory: one scenario, base against variant. Run: npx tsx demos/no-sync-directory.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../no-sync-directory/raft.ts';
import { type Impl, bench, restart, rv, show } from './_lib.ts';

show('no-sync-directory', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl); // an empty disk
  b.node.step('n2', rv(1, 0, 0));
  const granted = b.drain().join('');
  const durable = b.storage.durableCopy().list();
  const r = restart(Impl, b);
  const restored = `term ${r.node.term}, votedFor ${r.node.votedFor}`;
  r.node.step('n3', rv(1, 0, 0));
  return `first start granted ${granted}; the worst crash leaves files [${durable.join(', ')}], restoring ${restored}; n3 gets ${r.drain().join('')}`;
});
