/** Demo for variants/figure8-commit-old-term: one scenario, base against variant. Run: npx tsx demos/figure8-commit-old-term.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../figure8-commit-old-term/raft.ts';
import { type Impl, ae, ar, bench, elect, es, show } from './_lib.ts';

show('figure8-commit-old-term', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(2, 0, 0, es('1:a', '2:b'))); // entries of terms 1 and 2
  const term = elect(b); // n1 leads term 3, proposes nothing
  b.node.step('n2', ar(term, true, 2, 2));
  b.node.step('n3', ar(term, true, 2, 2)); // entries 1-2 now on n1, n2, n3: a majority, but of earlier terms
  return `leader of term ${term}: commit ${b.node.commitIndex}, applied ${b.applied.length}`;
});
