/** Demo for variants/duplicate-request-vote-refused: one scenario, base against variant. Run: npx tsx demos/duplicate-request-vote-refused.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../duplicate-request-vote-refused/raft.ts';
import { type Impl, bench, rv, show } from './_lib.ts';

show('duplicate-request-vote-refused', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', rv(1, 0, 0));
  b.node.step('n2', rv(1, 0, 0)); // duplicated by the network
  return b.drain().join(' ; ');
});
