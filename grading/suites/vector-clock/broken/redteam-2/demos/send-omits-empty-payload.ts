import { CausalNode as Base } from '../base/causal-node.ts';
import { attempt, drive, loadVariant, report } from './_lib.ts';

const { CausalNode: Variant } = await loadVariant('send-omits-empty-payload', 'causal-node.ts');
const scenario = (N: any): string => attempt(() => { const a = drive(N, 'a', ['b']); a.node.send('b', ''); return a.sent[0]!.message; });
const b = scenario(Base);
const v = scenario(Variant);
report("send-omits-empty-payload", "[VC-2.2] A send puts the send event's clock, after its increment, in the one message it sends: `{ type: 'stamped', clock: clock.entries(), payload }`; no other call sends anything.", "node a sends '' to b: the message sent", b, v);
