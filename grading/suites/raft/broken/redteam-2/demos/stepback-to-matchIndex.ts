/** Demo for variant stepback-to-matchIndex: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../stepback-to-matchIndex/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.10] on failure, moves `nextIndex` back (by one, as Figure 2 says, or straight to `min(index, lastLogIndex + 1)`: ...), never to or below `matchIndex`";
report('stepback-to-matchIndex', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 1, command: 'c' }]));
  campaign(node);
  node.step('n2', vote(2));
  node.step('n3', vote(2)); // leader of term 2, nextIndex 4
  node.step('n2', aer(2, true, 2, 2)); // n2 matches through 2
  sent.length = 0;
  node.step('n2', aer(2, false, 2, 1)); // a late rejection (prev 2, last 1)
  return `after late rejection sends: ${msgs(sent) || 'nothing'}`;
}, Base, Variant);
