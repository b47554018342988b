/** Demo for variant heartbeat-truncates-tail: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../heartbeat-truncates-tail/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.7] A request that matches deletes nothing — a delayed or duplicated one must not cut off entries a later request added;";
report('heartbeat-truncates-tail', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 1, command: 'c' }]));
  node.step('n2', ae(1, 1, 1, [])); // a delayed heartbeat, sent before b and c
  return `log ${fmt(node.log)}`;
}, Base, Variant);
