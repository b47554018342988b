import { CausalNode as Base } from '../base/causal-node.ts';
import { attempt, drive, loadVariant, report } from './_lib.ts';

const { CausalNode: Variant } = await loadVariant('consecutive-duplicate-dropped', 'causal-node.ts');
const scenario = (N: any): string => attempt(() => { const a = drive(N, 'a', ['b']); const b = drive(N, 'b', ['a']); a.node.send('b', 'hi'); const m = a.sent[0]!.message; b.node.step('a', structuredClone(m)); b.node.step('a', structuredClone(m)); return b.emitted; });
const b = scenario(Base);
const v = scenario(Variant);
report("consecutive-duplicate-dropped", "[VC-2.5, VC-2.1] A duplicated message is received, and is an event, each time it arrives; messages arrive in any order.", "node b receives the same message from a twice in a row", b, v);
