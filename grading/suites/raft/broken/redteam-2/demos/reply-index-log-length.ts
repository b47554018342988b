/** Demo for variant reply-index-log-length: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../reply-index-log-length/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "On success, `index = prevLogIndex + entries.length`: the follower's log now matches the leader's through `index`.";
report('reply-index-log-length', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 1, command: 'c' }]));
  sent.length = 0;
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }])); // delayed earlier request
  return `reply: ${msgs(sent)}`;
}, Base, Variant);
