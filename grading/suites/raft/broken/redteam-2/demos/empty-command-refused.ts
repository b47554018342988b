/** Demo for variant empty-command-refused: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../empty-command-refused/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.13] **Commands are opaque strings.** Any string at all is a command: empty, with line breaks, quotes or lone surrogates (`'\\ud800'`).";
report('empty-command-refused', clause, (C: Ctor): string => {
  const { node } = bench(C);
  campaign(node);
  node.step('n2', vote(1));
  node.step('n3', vote(1));
  return `leader proposes '': ${JSON.stringify(node.propose(''))}`;
}, Base, Variant);
