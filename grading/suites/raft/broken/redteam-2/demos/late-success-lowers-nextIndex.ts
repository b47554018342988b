/** Demo for variant late-success-lowers-nextIndex: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../late-success-lowers-nextIndex/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.10] on success, raises `matchIndex` to `index` (never lowers it: replies arrive out of order and twice) and `nextIndex` past it";
report('late-success-lowers-nextIndex', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  campaign(node);
  node.step('n2', vote(1));
  node.step('n3', vote(1));
  node.propose('a');
  node.propose('b');
  node.step('n2', aer(1, true, 2, 2));
  node.step('n2', aer(1, true, 1, 2)); // late ack of an earlier request
  sent.length = 0;
  node.tick();
  return `next heartbeat to n2: ${msgs(sent.filter((s) => s.to === 'n2'))}`;
}, Base, Variant);
