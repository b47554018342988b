/**
 * A Raft node: leader election, log replication, persistence. Your file.
 *
 * The node is a pure, synchronous state machine, in the shape of etcd's raft
 * library (README, "The loop"). The simulator calls it; it never reads a
 * clock, opens a socket or touches a disk of its own:
 * - `tick()` means one unit of time has passed (the simulator ticks every node
 *   every 100 ms of virtual time). Timeouts are counted in ticks.
 * - `step(from, message)` delivers one message. The network may lose,
 *   duplicate, delay and reorder messages, and partition nodes.
 * - `propose(command)` is a client asking this node to replicate a command.
 * Everything the node does leaves through its context: `ctx.send(to, m)`
 * (messages leave when the call returns), `ctx.emit(applied)` for each
 * committed entry it applies, and `ctx.storage` for what must survive a crash.
 *
 * The contract (README, tasks 1–3; Figure 2 of the Raft paper):
 * - Terms, votes and the log follow Figure 2 exactly, with the timing
 *   constants of protocol.ts. A leader sends AppendEntries to every peer on
 *   becoming leader and then every HEARTBEAT_TICKS ticks.
 * - [RAFT-1.3] A follower's or candidate's election timer is reset (a new timeout
 *   drawn) only by an AppendEntries from the leader of its current term, by
 *   granting a vote, and by starting an election (§5.2); besides, a node
 *   draws its first timeout when it is constructed, and a leader that steps
 *   down starts a fresh one. Messages from earlier terms, replies, and
 *   refused vote requests never reset it.
 * - [RAFT-2.3] A leader appends only what is proposed to it (no no-op entry on election).
 * - [RAFT-2.12] Entries are applied (emitted with ctx.emit) once each, in index order,
 *   only once committed, and in the same call that advanced the commit index.
 *   The state machine is volatile: after a restart, the node applies again
 *   from index 1 as it learns the commit index.
 * - [RAFT-3.1] Persistence: `ctx.storage` keeps only what was synced (`sync(name)`
 *   for contents, `syncDirectory()` for created or renamed files). When any
 *   call returns (the constructor included), and so before any message leaves,
 *   the node's current term, vote and log must already be durable: a crash
 *   right then, losing everything unsynced, must leave storage from which a
 *   new node restores exactly that state.
 * - [RAFT-3.2] A node is constructed at start and after every crash with the same
 *   storage; the constructor restores term, vote and log from it. Commit
 *   index, role and everything else start afresh (follower, commit index 0).
 * - [RAFT-0.1] The getters are read after every event: cheap, never throwing,
 *   changing nothing, the same value when read twice.
 */
import { NotImplementedError, type NodeContext, type NodeId, type ProtocolNode } from '@faultline/harness';
import type { Applied, Entry, Message, ProposeResult, Role } from './protocol';

export class RaftNode implements ProtocolNode<Message> {
  /** Restores term, vote and log from `ctx.storage` (empty on first start). `ctx.peers` are the other members of the cluster. */
  constructor(private readonly ctx: NodeContext<Message, Applied>) {}

  /** [RAFT-0.2] The current term (0 before the first election); any integer up to Number.MAX_SAFE_INTEGER, kept exactly. */
  get term(): number {
    throw new NotImplementedError(`RaftNode.term (node ${this.ctx.id})`);
  }

  get role(): Role {
    throw new NotImplementedError('RaftNode.role');
  }

  /** The candidate this node voted for in the current term, if any. */
  get votedFor(): NodeId | undefined {
    throw new NotImplementedError('RaftNode.votedFor');
  }

  /** The leader this node knows of in its current term (itself, if it is the leader), if any. */
  get leader(): NodeId | undefined {
    throw new NotImplementedError('RaftNode.leader');
  }

  /** The highest index known to be committed (0 at start and after a restart). */
  get commitIndex(): number {
    throw new NotImplementedError('RaftNode.commitIndex');
  }

  /** The log; entry i (1-based) is `log[i - 1]`. [RAFT-0.9] Read-only: the harness never changes it. */
  get log(): readonly Entry[] {
    throw new NotImplementedError('RaftNode.log');
  }

  /** One tick has passed: count towards the election timeout, or, as leader, towards the next heartbeat. */
  tick(): void {
    throw new NotImplementedError('RaftNode.tick');
  }

  /** A message from peer `from` has arrived (Figure 2, "Rules for Servers" and the two RPCs). */
  step(from: NodeId, message: Message): void {
    throw new NotImplementedError(`RaftNode.step(${JSON.stringify(from)}, ${message.type})`);
  }

  /**
   * [RAFT-2.1] A client asks to replicate `command` (any string: [RAFT-2.13]).
   * A leader appends it to its log in its current term (durably) and returns
   * its index and term; it may send AppendEntries now or at the next
   * heartbeat. [RAFT-2.2] Any other node returns `{ ok: false, leader }` and
   * changes nothing. [RAFT-0.8] The result is the caller's: changing it
   * changes nothing in the node.
   */
  propose(command: string): ProposeResult {
    throw new NotImplementedError(`RaftNode.propose(${JSON.stringify(command)})`);
  }
}
