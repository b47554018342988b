/** Demo for variants/timeout-drawn-once: one scenario, base against variant. Run: npx tsx demos/timeout-drawn-once.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../timeout-drawn-once/raft.ts';
import { type Impl, bench, campaign, show } from './_lib.ts';

show('timeout-drawn-once', Base, Variant, (Impl: Impl): string => {
  // A lone candidate that never wins (no votes come back) times out again and again: are the timeouts re-drawn?
  let constant = 0;
  for (let s = 0; s < 50; s++) {
    const b = bench(Impl, { rng: `stream-${s}` });
    campaign(b.node, 60);
    const gaps: number[] = [];
    for (let e = 0; e < 5; e++) {
      const term = b.node.term;
      let t = 0;
      while (b.node.term === term && t < 60) (b.node.tick(), t++);
      gaps.push(t);
    }
    if (new Set(gaps).size === 1) constant++;
  }
  return `nodes whose 5 successive election timeouts were all equal: ${constant} of 50`;
});
