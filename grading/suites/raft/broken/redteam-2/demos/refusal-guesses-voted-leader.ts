/** Demo for variant refusal-guesses-voted-leader: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../refusal-guesses-voted-leader/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-2.2] On any other node `propose` changes nothing, sends nothing and returns `{ ok: false, leader }`: the leader it knows of in its current term, or `undefined`.";
report('refusal-guesses-voted-leader', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n2', rv(1)); // votes for n2; nobody has won yet
  const a = node.propose('x');
  campaign(node); // now a candidate of term 2, voted for itself
  const b = node.propose('y');
  return `after voting: ${JSON.stringify(a)}; as candidate: ${JSON.stringify(b)}`;
}, Base, Variant);
