/** Demo for variants/timeout-upper-bound-20: one scenario, base against variant. Run: npx tsx demos/timeout-upper-bound-20.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../timeout-upper-bound-20/raft.ts';
import { type Impl, bench, campaign, show } from './_lib.ts';

show('timeout-upper-bound-20', Base, Variant, (Impl: Impl): string => {
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
