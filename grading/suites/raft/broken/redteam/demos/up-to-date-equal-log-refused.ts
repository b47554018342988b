/** Demo for variants/up-to-date-equal-log-refused: one scenario, base against variant. Run: npx tsx demos/up-to-date-equal-log-refused.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../up-to-date-equal-log-refused/raft.ts';
import { type Impl, ae, bench, es, rv, show } from './_lib.ts';

show('up-to-date-equal-log-refused', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b'))); // voter's log ends at 2@1
  b.drain();
  b.node.step('n3', rv(2, 2, 1));
  return `voter with log ending 2@1 answers RequestVote(term 2, last 2@1): ${b.drain().join(' ; ')}`;
});
