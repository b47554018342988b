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

export { describeApplied, describeEntry, describeLog, describeMessage } from './format';

/** `count` entries of one term, commands "<prefix>1", "<prefix>2", … */
export const entries = (term: number, count: number, prefix = `t${term}-`): Entry[] => Array.from({ length: count }, (_, i) => ({ term, command: `${prefix}${i + 1}` }));
