/** Demo for variants/up-to-date-and: one scenario, base against variant. Run: npx tsx demos/up-to-date-and.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../up-to-date-and/raft.ts';
import { type Impl, ae, bench, es, rv, show } from './_lib.ts';

show('up-to-date-and', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b'))); // voter's log ends at 2@1
  b.drain();
  b.node.step('n3', rv(2, 1, 2));
  return `voter with log ending 2@1 answers RequestVote(term 2, last 1@2): ${b.drain().join(' ; ')}`;
});
