/** Demo for variants/restore-keeps-commit-index: one scenario, base against variant. Run: npx tsx demos/restore-keeps-commit-index.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../restore-keeps-commit-index/raft.ts';
import { type Impl, ae, bench, es, restart, show } from './_lib.ts';

show('restore-keeps-commit-index', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b'), 2)); // applies 1 and 2
  const r = restart(Impl, b);
  const commitAtStart = r.node.commitIndex;
  r.node.step('n2', ae(1, 2, 1, [], 2)); // the leader's next heartbeat
  return `restarted with commit ${commitAtStart}; after the heartbeat applied [${r.applied.map((a) => a.index).join(', ')}]`;
});
