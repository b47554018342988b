/**
 * The Raft protocol as this exercise fixes it: the messages, the entries, what
 * a node reports, and its two timing constants. Provided; you do not edit it.
 *
 * Everything follows Figure 2 of the Raft paper (Ongaro and Ousterhout, "In
 * Search of an Understandable Consensus Algorithm", 2014), with two
 * simplifications: the sender of a message is the `from` argument of
 * `step(from, message)` (so there is no candidateId or leaderId field), and a
 * reply to AppendEntries says which request it answers (`index`), because the
 * network here loses, duplicates and reorders messages.
 *
 * Indexes are 1-based, as in the paper: the first entry of a log has index 1,
 * and index 0 with term 0 stands for "before the first entry".
 */
import type { NodeId } from '@faultline/harness';

/** A node elected leader in term t stays leader until it sees a higher term. */
export type Role = 'follower' | 'candidate' | 'leader';

/** One log entry. Its index is its position in the log (1-based). */
export interface Entry {
  /** The term of the leader that created it. */
  readonly term: number;
  /** The client's command, opaque to Raft. */
  readonly command: string;
}

/** Figure 2, RequestVote RPC: sent by a candidate to every peer. */
export interface RequestVote {
  readonly type: 'request-vote';
  /** The candidate's term. */
  readonly term: number;
  /** Index and term of the candidate's last log entry (0 and 0 for an empty log). */
  readonly lastLogIndex: number;
  readonly lastLogTerm: number;
}

/** Figure 2, RequestVote results. */
export interface RequestVoteReply {
  readonly type: 'request-vote-reply';
  /** The voter's current term, after it processed the request: the candidate steps down if it is higher. */
  readonly term: number;
  readonly voteGranted: boolean;
}

/** Figure 2, AppendEntries RPC: replication, and (with no entries) the leader's heartbeat. */
export interface AppendEntries {
  readonly type: 'append-entries';
  /** The leader's term. */
  readonly term: number;
  /** Index and term of the entry just before `entries` (0 and 0 when they start the log). */
  readonly prevLogIndex: number;
  readonly prevLogTerm: number;
  /** The entries at prevLogIndex + 1, prevLogIndex + 2, … (empty for a heartbeat). */
  readonly entries: readonly Entry[];
  /** The leader's commit index. */
  readonly leaderCommit: number;
}

/** Figure 2, AppendEntries results, plus which request it answers. */
export interface AppendEntriesReply {
  readonly type: 'append-entries-reply';
  /** The follower's current term, after it processed the request. */
  readonly term: number;
  /** True if the follower's log contained an entry matching prevLogIndex and prevLogTerm. */
  readonly success: boolean;
  /**
   * On success, prevLogIndex + entries.length of the request: the follower's
   * log now matches the leader's through this index. On failure, the
   * request's prevLogIndex (the entry that did not match).
   */
  readonly index: number;
  /** The follower's last log index: a hint for how far back the leader should step on failure. */
  readonly lastLogIndex: number;
}

/** Every message a Raft node sends or receives: a tagged union, switch on `type`. */
export type Message = RequestVote | RequestVoteReply | AppendEntries | AppendEntriesReply;

/** What a node reports through `ctx.emit`: one committed entry, applied to its state machine. */
export interface Applied {
  readonly type: 'applied';
  readonly index: number;
  readonly term: number;
  readonly command: string;
}

/** What `propose` returns. */
export type ProposeResult =
  /** Accepted by a leader and appended at `index` in `term`; not yet committed, and it may never be. */
  | { readonly ok: true; readonly index: number; readonly term: number }
  /** Refused: this node is not the leader. `leader` is the leader it knows of in its current term, if any. */
  | { readonly ok: false; readonly leader: NodeId | undefined };

/**
 * [RAFT-1.2] Election timeout, in ticks. Each time a follower or candidate resets its
 * election timer it draws a new timeout uniformly from
 * [ELECTION_TICKS, 2 × ELECTION_TICKS − 1] with `ctx.rng`, and starts an
 * election on that many'th tick() after the reset (Raft §5.2, §9.3).
 */
export const ELECTION_TICKS = 10;

/** A leader sends AppendEntries to every peer every HEARTBEAT_TICKS ticks, with or without entries. */
export const HEARTBEAT_TICKS = 1;
