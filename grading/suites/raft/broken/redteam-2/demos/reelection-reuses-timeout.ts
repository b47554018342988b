/** Demo for variant reelection-reuses-timeout: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../reelection-reuses-timeout/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-1.2] The election timer is reset, with a new timeout drawn from `ctx.rng.int(10, 19)`,";
report('reelection-reuses-timeout', clause, (C: Ctor): string => {
  const out: string[] = [];
  for (let seed = 1; seed <= 6; seed++) {
    const { node } = bench(C, { seed });
    const first = campaign(node);
    let second = 0;
    while (node.term === 1 && second < 40) (node.tick(), second++);
    out.push(`${first}/${second}`);
  }
  return `timeouts of 1st/2nd election per seed: ${out.join(' ')}`;
}, Base, Variant);
