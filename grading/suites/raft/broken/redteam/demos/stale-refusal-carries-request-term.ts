/** Demo for variants/stale-refusal-carries-request-term: one scenario, base against variant. Run: npx tsx demos/stale-refusal-carries-request-term.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../stale-refusal-carries-request-term/raft.ts';
import { type Impl, ae, bench, rv, show } from './_lib.ts';

show('stale-refusal-carries-request-term', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(5, 0, 0, []));
  b.drain();
  b.node.step('n3', rv(3, 0, 0));
  return `node in term 5 answers RequestVote(term 3): ${b.drain().join(' ; ')}`;
});
