/** Demo for variants/failure-resends-to-all: one scenario, base against variant. Run: npx tsx demos/failure-resends-to-all.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../failure-resends-to-all/raft.ts';
import { type Impl, ae, ar, bench, elect, es, show } from './_lib.ts';

show('failure-resends-to-all', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a')));
  const term = elect(b, ['n3', 'n4']);
  b.drain();
  b.node.step('n5', ar(term, false, 1, 0)); // n5 is empty
  return `on n5's rejection sends: ${b.drain().join(' ; ')}`;
});
