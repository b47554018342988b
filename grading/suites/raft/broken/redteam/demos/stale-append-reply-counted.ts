/** Demo for variants/stale-append-reply-counted: one scenario, base against variant. Run: npx tsx demos/stale-append-reply-counted.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../stale-append-reply-counted/raft.ts';
import { type Impl, ae, ar, bench, elect, es, logOf, show } from './_lib.ts';

show('stale-append-reply-counted', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  const t1 = elect(b);
  for (const c of ['a', 'b', 'c']) b.node.propose(c); // leader of term 1: [1:a, 1:b, 1:c], sent to n2, n3
  b.node.step('n4', ae(t1 + 1, 1, t1, es(`${t1 + 1}:y`))); // deposed; its log becomes [a, y]
  const t3 = elect(b); // leads again, term 3
  b.node.propose('p'); // [a, y, p]
  b.node.step('n2', ar(t1, true, 3, 3)); // late acknowledgements of the term-1 entries
  b.node.step('n3', ar(t1, true, 3, 3));
  return `leader of term ${t3} with [${logOf(b.node)}]: commit ${b.node.commitIndex}, applied [${b.applied.map((a) => a.command).join(', ')}]`;
});
