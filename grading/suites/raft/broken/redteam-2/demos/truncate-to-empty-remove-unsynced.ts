/** Demo for variant truncate-to-empty-remove-unsynced: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../truncate-to-empty-remove-unsynced/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-3.1] That covers a vote granted, a term adopted or started, entries appended or truncated by a follower";
report('truncate-to-empty-remove-unsynced', clause, (C: Ctor): string => {
  const { node, storage } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }]));
  node.step('n3', ae(2, 0, 0, [{ term: 2, command: 'b' }])); // conflict at index 1: whole log replaced
  const r = bench(C, { storage: storage.durableCopy() }).node;
  return `log ${fmt(node.log)}; restored after worst crash: [${fmt(r.log)}]`;
}, Base, Variant);
