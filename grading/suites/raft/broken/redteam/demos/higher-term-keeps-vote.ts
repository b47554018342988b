/** Demo for variants/higher-term-keeps-vote: one scenario, base against variant. Run: npx tsx demos/higher-term-keeps-vote.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../higher-term-keeps-vote/raft.ts';
import { type Impl, bench, rv, show } from './_lib.ts';

show('higher-term-keeps-vote', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', rv(1, 0, 0));
  b.node.step('n3', rv(2, 0, 0));
  return `${b.drain().join(' ; ')}; now term ${b.node.term}, votedFor ${b.node.votedFor}`;
});
