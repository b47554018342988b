import { CausalNode as Base } from '../base/causal-node.ts';
import { attempt, drive, loadVariant, report } from './_lib.ts';

const { CausalNode: Variant } = await loadVariant('differential-send', 'causal-node.ts');
const scenario = (N: any): string => attempt(() => { const a = drive(N, 'a', ['b', 'c']); const b = drive(N, 'b', ['a', 'c']); const c = drive(N, 'c', ['a', 'b']); c.node.send('a', 'hello'); a.node.step('c', c.sent[0]!.message); a.node.send('b', 'm1 (lost)'); a.node.send('b', 'm2'); b.node.step('a', a.sent[1]!.message); return `b: ${b.emitted.at(-1)}, c's send vs b's receive: ${c.node.clock.compare(b.node.clock)}`; });
const b = scenario(Base);
const v = scenario(Variant);
report("differential-send", "[VC-2.2, VC-2.7] A send puts the send event's clock, after its increment, in the one message it sends: `{ type: 'stamped', clock: clock.entries(), payload }`; no other call sends anything.", "a receives c's message, sends m1 to b (lost), then m2 to b; b receives m2", b, v);
