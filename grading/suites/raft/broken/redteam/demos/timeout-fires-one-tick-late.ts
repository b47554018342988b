/** Demo for variants/timeout-fires-one-tick-late: one scenario, base against variant. Run: npx tsx demos/timeout-fires-one-tick-late.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../timeout-fires-one-tick-late/raft.ts';
import { type Impl, bench, campaign, show } from './_lib.ts';

show('timeout-fires-one-tick-late', Base, Variant, (Impl: Impl): string => {
  // 300 nodes with different rng streams: ticks from construction to the first election.
  let min = Infinity, max = 0;
  for (let s = 0; s < 300; s++) {
    const b = bench(Impl, { rng: `stream-${s}` });
    const t = campaign(b.node, 60);
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  return `first election after ${min} to ${max} ticks (contract: 10 to 19)`;
});
