/** Demo for variants/restore-ignores-truncation: one scenario, base against variant. Run: npx tsx demos/restore-ignores-truncation.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../restore-ignores-truncation/raft.ts';
import { type Impl, ae, bench, es, logOf, restart, show } from './_lib.ts';

show('restore-ignores-truncation', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b', '1:c')));
  b.node.step('n3', ae(2, 1, 1, es('2:x'))); // conflict at 2: truncate, append
  const before = logOf(b.node);
  const r = restart(Impl, b);
  return `log [${before}]; after a crash [${logOf(r.node)}]`;
});
