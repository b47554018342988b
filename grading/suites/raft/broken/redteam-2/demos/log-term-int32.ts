/** Demo for variant log-term-int32: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../log-term-int32/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-0.2] a message may carry any such term, and the node keeps it exactly, in memory and on disk (no 32-bit field).";
report('log-term-int32', clause, (C: Ctor): string => {
  const big = 2 ** 40 + 7;
  const { node, storage } = bench(C);
  node.step('n2', ae(big, 0, 0, [{ term: big, command: 'a' }]));
  const r = bench(C, { storage: storage.durableCopy() }).node;
  return `term ${r.term}, restored log [${fmt(r.log)}]`;
}, Base, Variant);
