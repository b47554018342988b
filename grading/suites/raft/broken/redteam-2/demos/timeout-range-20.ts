/** Demo for variant timeout-range-20: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../timeout-range-20/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-1.2] The election timer is reset, with a new timeout drawn from `ctx.rng.int(10, 19)`";
report('timeout-range-20', clause, (C: Ctor): string => {
  let max = 0;
  for (let seed = 1; seed <= 300; seed++) max = Math.max(max, campaign(bench(C, { seed }).node));
  return `longest first election timeout over 300 rng streams: ${max} ticks`;
}, Base, Variant);
