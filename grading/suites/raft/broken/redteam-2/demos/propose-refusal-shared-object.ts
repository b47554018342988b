/** Demo for variant propose-refusal-shared-object: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../propose-refusal-shared-object/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "[RAFT-0.8] The other way round, what the node returns belongs to the caller: changing a `propose` result, or reading it much later, changes nothing in the node.";
report('propose-refusal-shared-object', clause, (C: Ctor): string => {
  const { node } = bench(C);
  const first = node.propose('x');
  const before = JSON.stringify(first);
  node.step('n2', ae(1, 0, 0, []));
  const second = node.propose('y');
  (second as { leader?: string }).leader = 'n9'; // the caller scribbles on its result
  return `first result when returned ${before}, read later ${JSON.stringify(first)}; node.leader ${node.leader}`;
}, Base, Variant);
