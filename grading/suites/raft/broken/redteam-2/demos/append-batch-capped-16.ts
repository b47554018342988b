/** Demo for variant append-batch-capped-16: one scenario, run on the base and on the variant. */
import { SimStorage } from '@faultline/harness';
import { RaftNode as Base } from '../base/raft.ts';
import { RaftNode as Variant } from '../append-batch-capped-16/raft.ts';
import { ae, aer, bench, campaign, fmt, msgs, report, rv, vote, type Ctor } from './_h.ts';

void [SimStorage, ae, aer, bench, campaign, fmt, msgs, rv, vote];
const clause = "An AppendEntries to a follower carries `prevLogIndex = nextIndex − 1`, that entry's term, the entries from `nextIndex` to the end of its log, and its `commitIndex` as `leaderCommit`.";
report('append-batch-capped-16', clause, (C: Ctor): string => {
  const { node, sent } = bench(C);
  campaign(node);
  node.step('n2', vote(1));
  node.step('n3', vote(1));
  for (let i = 1; i <= 20; i++) node.propose(`c${i}`);
  sent.length = 0;
  node.tick();
  const m = sent.find((x) => x.to === 'n2')!.message as unknown as { entries: unknown[]; prevLogIndex: number };
  return `20 entries proposed; AppendEntries to n2: prev ${m.prevLogIndex}, ${m.entries.length} entries`;
}, Base, Variant);
