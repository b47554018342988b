/** Demo for variant stale-term-reject-index: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../stale-term-reject-index/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.9] On failure (a mismatch, or a request from an earlier term), `index = prevLogIndex`.";
report('stale-term-reject-index', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  node.step('n2', ae(3, 0, 0, [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 3, command: 'c' }]));
  sent.length = 0;
  node.step('n3', ae(2, 1, 1, [])); // stale term
  return `reply to stale AppendEntries(prev 1): ${msgs(sent)}`;
}, Base, Variant);
