/** Demo for variants/next-index-to-or-below-match: one scenario, base against variant. Run: npx tsx demos/next-index-to-or-below-match.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../next-index-to-or-below-match/raft.ts';
import { type Impl, ae, ar, bench, elect, es, show } from './_lib.ts';

show('next-index-to-or-below-match', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b', '1:c')));
  const term = elect(b, ['n3', 'n4']); // n1 leads; nextIndex[n5] = 4
  b.node.step('n5', ar(term, false, 3, 0)); // n5 is empty: step back
  b.node.step('n5', ar(term, true, 3, 3)); // n5 now matches through 3
  b.drain();
  b.node.step('n5', ar(term, false, 3, 0)); // the first rejection, duplicated, arrives late
  const late = b.drain();
  b.node.tick();
  const hb = b.drain().filter((s) => s.endsWith('n5'));
  return `on the late rejection sends ${late.length ? late.join(' ; ') : 'nothing'}; next heartbeat to n5: ${hb.join('')}`;
});
