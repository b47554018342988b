import { CausalNode as Base } from '../base/causal-node.ts';
import { attempt, drive, loadVariant, report } from './_lib.ts';

const { CausalNode: Variant } = await loadVariant('receive-ignores-own-entry', 'causal-node.ts');
const scenario = (N: any): string => attempt(() => { const d = drive(N, 'b', ['a']); d.node.step('a', { type: 'stamped', clock: [['a', 1], ['b', 5]], payload: 'x' }); return d.emitted; });
const b = scenario(Base);
const v = scenario(Variant);
report("receive-ignores-own-entry", "[VC-2.3] A receive first merges the message's clock into the node's, then increments, whatever counters the message carries: even one for the receiving node above its own, which no run produces but the message type allows (then the node's counter ends one above the message's).", "node b receives a hand-made message with clock {a:1, b:5}", b, v);
