/** Demo for variants/request-vote-claims-current-term: one scenario, base against variant. Run: npx tsx demos/request-vote-claims-current-term.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../request-vote-claims-current-term/raft.ts';
import { type Impl, ae, bench, campaign, es, fmt, show } from './_lib.ts';

show('request-vote-claims-current-term', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, es('1:a'))); // n1's log ends at 1@1
  b.drain();
  campaign(b.node);
  const request = b.sent.at(-1)!.message;
  // A correct voter whose log ends at 2@1 (more up to date than 1@1) receives it.
  const voter = bench(Base, { id: 'n2', peers: ['n1', 'n3', 'n4', 'n5'] });
  voter.node.step('n3', ae(1, 0, 0, es('1:a', '1:b')));
  voter.drain();
  voter.node.step('n1', request);
  return `n1 (log ends 1@1) sends ${fmt(request)}; a voter whose log ends 2@1 answers ${voter.drain().join('')}`;
});
