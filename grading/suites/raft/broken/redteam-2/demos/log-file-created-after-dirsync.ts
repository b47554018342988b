/** Demo for variant log-file-created-after-dirsync: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../log-file-created-after-dirsync/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "`syncDirectory()` after creating or renaming a file.";
report('log-file-created-after-dirsync', clause, (C: Ctor): string => {
  const { node, sent, storage } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }])); // acknowledged
  const r = bench(C, { storage: storage.durableCopy() }).node; // the worst crash
  return `acked ${JSON.stringify(sent[0]!.message)}; restored log after worst crash: [${fmt(r.log)}]`;
}, Base, Variant);
