/** Demo for variant lone-surrogate-mangled: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../lone-surrogate-mangled/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.13] Each is stored, replicated, applied and restored after a crash exactly as proposed.";
report('lone-surrogate-mangled', clause, (C: Ctor): string => {
  const { node, storage } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'x\ud800' }, { term: 1, command: 'a\nb\\' }]));
  const r = bench(C, { storage: storage.durableCopy() }).node;
  return `restored commands ${JSON.stringify(r.log.map((e) => e.command))}`;
}, Base, Variant);
