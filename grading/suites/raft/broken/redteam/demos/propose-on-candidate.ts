/** Demo for variants/propose-on-candidate: one scenario, base against variant. Run: npx tsx demos/propose-on-candidate.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../propose-on-candidate/raft.ts';
import { type Impl, bench, campaign, logOf, show } from './_lib.ts';

show('propose-on-candidate', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  campaign(b.node);
  const r = b.node.propose('x');
  return `candidate: propose → ${JSON.stringify(r)}, log [${logOf(b.node)}]`;
});
