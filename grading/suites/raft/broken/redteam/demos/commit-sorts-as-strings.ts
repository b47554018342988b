/** Demo for variants/commit-sorts-as-strings: one scenario, base against variant. Run: npx tsx demos/commit-sorts-as-strings.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../commit-sorts-as-strings/raft.ts';
import { type Impl, ar, bench, elect, show } from './_lib.ts';

show('commit-sorts-as-strings', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  const term = elect(b);
  for (let i = 1; i <= 10; i++) b.node.propose(`c${i}`);
  b.node.step('n2', ar(term, true, 10, 10));
  b.node.step('n3', ar(term, true, 9, 9)); // 9 is on n1, n2, n3; 10 only on n1, n2
  return `commit ${b.node.commitIndex} (10 entries; n2 holds 10, n3 holds 9, n4 and n5 nothing)`;
});
