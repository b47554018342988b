/** Demo for variants/log-format-newline: one scenario, base against variant. Run: npx tsx demos/log-format-newline.ts */
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../log-format-newline/raft.ts';
import { type Impl, ae, bench, restart, show } from './_lib.ts';

show('log-format-newline', Base, Variant, (Impl: Impl): string => {
  const b = bench(Impl);
  b.node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'SET k "two\nlines"' }, { term: 1, command: 'b' }]));
  const r = restart(Impl, b);
  return `log ${JSON.stringify(b.node.log.map((e) => e.command))}; after a crash ${JSON.stringify(r.node.log.map((e) => e.command))}`;
});
