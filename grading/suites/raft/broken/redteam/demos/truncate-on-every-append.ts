/** Demo for variants/truncate-on-every-append: one scenario, base against variant. Run: npx tsx demos/truncate-on-every-append.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../truncate-on-every-append/raft.ts';
import { type Impl, ae, bench, es, logOf, show } from './_lib.ts';

show('truncate-on-every-append', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b')));
  b.node.step('n2', ae(1, 0, 0, es('1:a'))); // an earlier request, delayed
  return `after [a, b] then a delayed [a]: log [${logOf(b.node)}]`;
});
