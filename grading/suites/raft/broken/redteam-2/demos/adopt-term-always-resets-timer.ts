/** Demo for variant adopt-term-always-resets-timer: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../adopt-term-always-resets-timer/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "Nothing else resets it: not a message from an earlier term, not a reply, not a vote request it refused — even one whose higher term it adopted.";
report('adopt-term-always-resets-timer', clause, (C: Ctor): string => {
  const { node } = bench(C);
  node.step('n2', ae(1, 0, 0, [{ term: 1, command: 'a' }]));
  for (let i = 0; i < 9; i++) node.tick();
  node.step('n3', rv(2, 0, 0)); // refused (empty log), term 2 adopted
  return `ticks after the refused higher-term RequestVote until an election: ${campaign(node)}`;
}, Base, Variant);
