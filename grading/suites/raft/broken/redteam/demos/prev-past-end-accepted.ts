/** Demo for variants/prev-past-end-accepted: one scenario, base against variant. Run: npx tsx demos/prev-past-end-accepted.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../prev-past-end-accepted/raft.ts';
import { type Impl, ae, bench, es, logOf, show } from './_lib.ts';

show('prev-past-end-accepted', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 3, 1, es('1:d'))); // entry 4, after 3@1; n1's log is empty
  return `${b.drain().join('')}; log [${logOf(b.node)}]`;
});
