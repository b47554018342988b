/** Demo for variants/success-index-is-log-end: one scenario, base against variant. Run: npx tsx demos/success-index-is-log-end.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../success-index-is-log-end/raft.ts';
import { type Impl, ae, bench, es, show } from './_lib.ts';

show('success-index-is-log-end', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b', '1:c')));
  b.drain();
  b.node.step('n3', ae(2, 1, 1, [])); // the new leader's heartbeat vouches for index 1 only
  return b.drain().join('');
});
