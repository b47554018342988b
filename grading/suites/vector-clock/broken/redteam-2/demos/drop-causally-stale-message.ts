import { CausalNode as Base } from '../base/causal-node.ts';
import { attempt, drive, loadVariant, report } from './_lib.ts';

const { CausalNode: Variant } = await loadVariant('drop-causally-stale-message', 'causal-node.ts');
const scenario = (N: any): string => attempt(() => { const a = drive(N, 'a', ['b', 'c']); const b = drive(N, 'b', ['a', 'c']); const c = drive(N, 'c', ['a', 'b']); a.node.send('b', 'm1'); a.node.send('c', 'm2'); c.node.step('a', a.sent[1]!.message); c.node.send('b', 'relay'); b.node.step('c', c.sent[0]!.message); b.node.step('a', a.sent[0]!.message); return b.emitted; });
const b = scenario(Base);
const v = scenario(Variant);
report("drop-causally-stale-message", "[VC-2.5, VC-2.7] A duplicated message is received, and is an event, each time it arrives; messages arrive in any order.", "a sends m1 to b and m2 to c; c relays to b (carrying a:2); then m1 reaches b late", b, v);
