/** Demo for variants/higher-term-reply-ignored: one scenario, base against variant. Run: npx tsx demos/higher-term-reply-ignored.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../higher-term-reply-ignored/raft.ts';
import { type Impl, ar, bench, elect, show } from './_lib.ts';

show('higher-term-reply-ignored', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  elect(b);
  b.node.step('n2', ar(7, false, 0, 0));
  return `after an AppendReply of term 7: ${b.node.role}, term ${b.node.term}`;
});
