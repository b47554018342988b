/** Demo for variant dup-request-skips-log-check: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../dup-request-skips-log-check/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-1.7] A RequestVote of the current term is granted when the node has not voted in this term or voted for this same candidate (a duplicated request gets the same answer), **and** the candidate's log is at least as up to date";
report('dup-request-skips-log-check', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  node.step('n2', rv(1, 0, 0));
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }]));
  sent.length = 0;
  node.step('n2', rv(1, 0, 0)); // duplicate of the first request, arriving late
  return `late duplicate RequestVote(term 1, last 0@0) vs log ${fmt(node.log)}: ${msgs(sent)}`;
}, Base, Variant);
