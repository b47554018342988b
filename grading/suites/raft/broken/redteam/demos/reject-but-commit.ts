/** Demo for variants/reject-but-commit: one scenario, base against variant. Run: npx tsx demos/reject-but-commit.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../reject-but-commit/raft.ts';
import { type Impl, ae, bench, es, show } from './_lib.ts';

show('reject-but-commit', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b')));
  b.drain();
  b.node.step('n3', ae(2, 2, 2, es('2:c'), 3)); // leader of term 2 holds 2@2 at index 2: mismatch
  return `${b.drain().join('')}; commit ${b.node.commitIndex}, applied [${b.applied.map((a) => `${a.index}:${a.term}:${a.command}`).join(', ')}]`;
});
