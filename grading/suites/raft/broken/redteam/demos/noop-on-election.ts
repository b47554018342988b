/** Demo for variants/noop-on-election: one scenario, base against variant. Run: npx tsx demos/noop-on-election.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../noop-on-election/raft.ts';
import { type Impl, bench, elect, logOf, show } from './_lib.ts';

show('noop-on-election', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  elect(b);
  return `new leader of term ${b.node.term}: log [${logOf(b.node)}]; first AppendEntries ${b.drain().find((x) => x.startsWith('AppendEntries'))}`;
});
