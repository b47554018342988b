/** Demo for variants/vote-without-up-to-date-check: one scenario, base against variant. Run: npx tsx demos/vote-without-up-to-date-check.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../vote-without-up-to-date-check/raft.ts';
import { type Impl, ae, bench, es, rv, show } from './_lib.ts';

show('vote-without-up-to-date-check', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a', '1:b'))); // voter's log ends at 2@1
  b.drain();
  b.node.step('n3', rv(2, 1, 1));
  return `voter with log ending 2@1 answers RequestVote(term 2, last 1@1): ${b.drain().join(' ; ')}`;
});
