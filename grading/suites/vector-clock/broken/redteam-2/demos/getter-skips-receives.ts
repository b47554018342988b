import { CausalNode as Base } from '../base/causal-node.ts';
import { attempt, drive, loadVariant, report } from './_lib.ts';

const { CausalNode: Variant } = await loadVariant('getter-skips-receives', 'causal-node.ts');
const scenario = (N: any): string => attempt(() => { const a = drive(N, 'a', ['b']); const b = drive(N, 'b', ['a']); a.node.send('b', 'hi'); b.node.step('a', a.sent[0]!.message); return `emitted ${b.emitted.at(-1)}, getter ${b.node.clock.serialize()}`; });
const b = scenario(Base);
const v = scenario(Variant);
report("getter-skips-receives", "[VC-2.6] The getter `node.clock` is the clock of the node's latest event, the one it last emitted, and the empty clock before its first; reading it changes nothing.", "node b receives a's message, then reads b.clock", b, v);
