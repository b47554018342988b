import { CausalNode as Base } from '../base/causal-node.ts';
import { attempt, drive, loadVariant, report } from './_lib.ts';

const { CausalNode: Variant } = await loadVariant('send-to-self-local', 'causal-node.ts');
const scenario = (N: any): string => attempt(() => { const s = drive(N, 'solo', []); s.node.send('solo', 'note'); for (const x of [...s.sent]) s.node.step('solo', x.message); return { sent: s.sent.length, emitted: s.emitted }; });
const b = scenario(Base);
const v = scenario(Variant);
report("send-to-self-local", "[VC-2.2] A send puts the send event's clock, after its increment, in the one message it sends: `{ type: 'stamped', clock: clock.entries(), payload }`; no other call sends anything.", "one-node run: node solo sends to itself, the network delivers what it sent", b, v);
