/**
 * What the Raft suites share: the learner's module, its types, and how
 * messages, entries and logs are written in failure messages.
 */
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';

export type RaftModule = typeof import('@impl/raft');
export type ProtocolModule = typeof import('@impl/raft/protocol');
export type RaftNode = import('@impl/raft').RaftNode;
export type Message = import('@impl/raft/protocol').Message;
export type Entry = import('@impl/raft/protocol').Entry;
export type Applied = import('@impl/raft/protocol').Applied;
export type Role = import('@impl/raft/protocol').Role;

/** The timing constants of protocol.ts, restated: the suite must not take them from the code under test. */
export const ELECTION_TICKS = 10;
export const HEARTBEAT_TICKS = 1;

/** One graded suite per test file; each loads the learner's module in its own beforeAll. */
export const raftSuite = () => gradedSuite<RaftModule>(exerciseSpec('raft'), () => import('@impl/raft'));

const stringify = JSON.stringify;

export const describeEntry = (e: Entry | undefined): string => (e === undefined ? 'nothing' : `${e.term}:${stringify(e.command)}`);

/** A log as `[1:"a", 1:"b", 2:"c"]` (term:command, index = position), shortened in the middle when long. */
export function describeLog(log: readonly Entry[]): string {
  const parts = log.map(describeEntry);
  return parts.length <= 12 ? `[${parts.join(', ')}]` : `[${parts.slice(0, 4).join(', ')}, … ${parts.length - 8} more …, ${parts.slice(-4).join(', ')}]`;
}

export function describeMessage(m: Message): string {
  switch (m.type) {
    case 'request-vote':
      return `RequestVote(term ${m.term}, last ${m.lastLogIndex}@${m.lastLogTerm})`;
    case 'request-vote-reply':
      return `Vote(term ${m.term}, ${m.voteGranted ? 'granted' : 'refused'})`;
    case 'append-entries':
      return `AppendEntries(term ${m.term}, prev ${m.prevLogIndex}@${m.prevLogTerm}, ${m.entries.length === 0 ? 'no entries' : `entries ${describeLog(m.entries)}`}, commit ${m.leaderCommit})`;
    case 'append-entries-reply':
      return `AppendReply(term ${m.term}, ${m.success ? 'success' : 'failure'}, index ${m.index}, last ${m.lastLogIndex})`;
    default:
      return stringify(m);
  }
}

export const describeApplied = (a: Applied): string => `apply ${a.index} ${describeEntry(a)}`;

/** `count` entries of one term, commands "<prefix>1", "<prefix>2", … */
export const entries = (term: number, count: number, prefix = `t${term}-`): Entry[] => Array.from({ length: count }, (_, i) => ({ term, command: `${prefix}${i + 1}` }));
