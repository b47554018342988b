/** Demo for variants/match-index-lowered: one scenario, base against variant. Run: npx tsx demos/match-index-lowered.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../match-index-lowered/raft.ts';
import { type Impl, ar, bench, elect, show } from './_lib.ts';

show('match-index-lowered', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  const term = elect(b);
  b.node.propose('a');
  b.node.propose('b');
  b.node.step('n2', ar(term, true, 2, 2));
  b.node.step('n2', ar(term, true, 1, 1)); // an older acknowledgement from n2, reordered
  b.node.step('n3', ar(term, true, 2, 2)); // a, b on n1, n2, n3
  return `commit ${b.node.commitIndex} (both entries are on 3 of 5)`;
});
