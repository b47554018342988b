/** Demo for variants/commit-to-log-end: one scenario, base against variant. Run: npx tsx demos/commit-to-log-end.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../commit-to-log-end/raft.ts';
import { type Impl, ae, bench, es, show } from './_lib.ts';

show('commit-to-log-end', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b', '1:c'))); // from the leader of term 1, not committed
  // The leader of term 2 has committed 3 entries of its own log [1:a, 2:x, 2:y]; it knows n1 matches through 1.
  b.node.step('n3', ae(2, 1, 1, [], 3));
  return `commit ${b.node.commitIndex}, applied [${b.applied.map((a) => `${a.index}:${a.term}:${a.command}`).join(', ')}]`;
});
