/** Demo for variant propose-sync-deferred-to-tick: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../propose-sync-deferred-to-tick/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-3.1] and a leader's own new entries, which it counts towards the majority even when it sends nothing (a leader alone commits and applies them at once).";
report('propose-sync-deferred-to-tick', clause, (C: Ctor): string => {
  const { node, applied, storage } = bench(C, { peers: [] });
  campaign(node);
  node.propose('x');
  const r = bench(C, { storage: storage.durableCopy(), peers: [] }).node;
  return `applied ${JSON.stringify(applied.map((a) => a.command))}; restored log after worst crash [${fmt(r.log)}]`;
}, Base, Variant);
