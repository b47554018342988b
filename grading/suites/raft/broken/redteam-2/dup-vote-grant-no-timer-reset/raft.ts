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
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import {
  ELECTION_TICKS,
  HEARTBEAT_TICKS,
  type AppendEntries,
  type AppendEntriesReply,
  type Applied,
  type Entry,
  type Message,
  type ProposeResult,
  type RequestVote,
  type RequestVoteReply,
  type Role,
} from './protocol';

/** Term and vote: one small JSON document, rewritten whole and synced. */
const META_FILE = 'raft-meta.json';
/** The log: one JSON line `[term, command]` per entry, appended and synced; rewritten whole on a truncation. */
const LOG_FILE = 'raft-log.jsonl';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const NEWLINE = 0x0a;

function encodeEntry(entry: Entry): string {
  // JSON escapes line breaks, quotes and lone surrogates, and keeps integers up to 2^53 exactly.
  return `${JSON.stringify([entry.term, entry.command])}\n`;
}

function isTerm(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export class RaftNode implements ProtocolNode<Message> {
  // Persistent state (Figure 2), always durable when a call returns.
  #currentTerm = 0;
  #votedFor: NodeId | undefined = undefined;
  #log: Entry[] = [];

  // Volatile state.
  #role: Role = 'follower';
  #leader: NodeId | undefined = undefined;
  #commitIndex = 0;
  #lastApplied = 0;

  // Election timer: ticks since the last reset, and the timeout drawn at it.
  #electionElapsed = 0;
  #electionTimeout = ELECTION_TICKS;
  // Leader heartbeat counter.
  #heartbeatElapsed = 0;

  // Candidate state: distinct voters of the current term, self included.
  #votes = new Set<NodeId>();

  // Leader state, set afresh on each election win.
  #nextIndex = new Map<NodeId, number>();
  #matchIndex = new Map<NodeId, number>();

  // Cached read-only snapshot of the log for the getter.
  #logView: readonly Entry[] | undefined = undefined;

  /** Restores term, vote and log from `ctx.storage` (empty on first start). `ctx.peers` are the other members of the cluster. */
  constructor(private readonly ctx: NodeContext<Message, Applied>) {
    this.#restore();
    this.#resetElectionTimer();
  }

  /** [RAFT-0.2] The current term (0 before the first election); any integer up to Number.MAX_SAFE_INTEGER, kept exactly. */
  get term(): number {
    return this.#currentTerm;
  }

  get role(): Role {
    return this.#role;
  }

  /** The candidate this node voted for in the current term, if any. */
  get votedFor(): NodeId | undefined {
    return this.#votedFor;
  }

  /** The leader this node knows of in its current term (itself, if it is the leader), if any. */
  get leader(): NodeId | undefined {
    return this.#leader;
  }

  /** The highest index known to be committed (0 at start and after a restart). */
  get commitIndex(): number {
    return this.#commitIndex;
  }

  /** The log; entry i (1-based) is `log[i - 1]`. [RAFT-0.9] Read-only: the harness never changes it. */
  get log(): readonly Entry[] {
    if (this.#logView === undefined) this.#logView = Object.freeze(this.#log.slice());
    return this.#logView;
  }

  /** One tick has passed: count towards the election timeout, or, as leader, towards the next heartbeat. */
  tick(): void {
    if (this.#role === 'leader') {
      this.#heartbeatElapsed++;
      if (this.#heartbeatElapsed >= HEARTBEAT_TICKS) {
        this.#heartbeatElapsed = 0;
        this.#broadcastAppendEntries();
      }
      return;
    }
    this.#electionElapsed++;
    if (this.#electionElapsed >= this.#electionTimeout) this.#startElection();
  }

  /** A message from peer `from` has arrived (Figure 2, "Rules for Servers" and the two RPCs). */
  step(from: NodeId, message: Message): void {
    if (message === null || typeof message !== 'object' || !isTerm((message as { term?: unknown }).term)) return;
    if (from === this.ctx.id) return;
    // [RAFT-1.4] A higher term, in any message: adopt it, forget the vote, follow.
    if (message.term > this.#currentTerm) {
      this.#adoptTerm(message.term, message.type === 'append-entries' ? from : undefined);
    }
    switch (message.type) {
      case 'request-vote':
        this.#onRequestVote(from, message);
        break;
      case 'request-vote-reply':
        this.#onRequestVoteReply(from, message);
        break;
      case 'append-entries':
        this.#onAppendEntries(from, message);
        break;
      case 'append-entries-reply':
        this.#onAppendEntriesReply(from, message);
        break;
      default: {
        const unknown: never = message;
        void unknown;
      }
    }
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
    if (this.#role !== 'leader') return { ok: false, leader: this.#leader };
    const entry: Entry = { term: this.#currentTerm, command: String(command) };
    this.#appendEntries([entry]);
    const index = this.#log.length;
    // The leader counts its own copy: alone, it commits at once. Followers get it with the next heartbeat.
    this.#advanceLeaderCommit();
    return { ok: true, index, term: this.#currentTerm };
  }

  // ---------------------------------------------------------------- elections

  #resetElectionTimer(): void {
    this.#electionElapsed = 0;
    this.#electionTimeout = this.ctx.rng.int(ELECTION_TICKS, 2 * ELECTION_TICKS - 1);
  }

  #clusterSize(): number {
    return this.ctx.peers.length + 1;
  }

  #isMajority(count: number): boolean {
    return 2 * count > this.#clusterSize();
  }

  #lastLogIndex(): number {
    return this.#log.length;
  }

  #termAt(index: number): number {
    if (index <= 0 || index > this.#log.length) return 0;
    return this.#log[index - 1]!.term;
  }

  /** Adopts a higher term: no vote, follower; a leader stepping down starts a fresh election timer. */
  #adoptTerm(term: number, leader: NodeId | undefined): void {
    const wasLeader = this.#role === 'leader';
    this.#currentTerm = term;
    this.#votedFor = undefined;
    this.#role = 'follower';
    this.#leader = leader;
    this.#votes.clear();
    this.#nextIndex.clear();
    this.#matchIndex.clear();
    this.#persistMeta();
    if (wasLeader) this.#resetElectionTimer();
  }

  #startElection(): void {
    this.#role = 'candidate';
    this.#currentTerm = this.#currentTerm + 1;
    this.#votedFor = this.ctx.id;
    this.#leader = undefined;
    this.#persistMeta();
    this.#resetElectionTimer();
    this.#votes = new Set([this.ctx.id]);
    if (this.#isMajority(this.#votes.size)) {
      this.#becomeLeader();
      return;
    }
    const request: RequestVote = {
      type: 'request-vote',
      term: this.#currentTerm,
      lastLogIndex: this.#lastLogIndex(),
      lastLogTerm: this.#termAt(this.#lastLogIndex()),
    };
    for (const peer of this.ctx.peers) this.ctx.send(peer, request);
  }

  #becomeLeader(): void {
    this.#role = 'leader';
    this.#leader = this.ctx.id;
    this.#votes.clear();
    this.#nextIndex = new Map();
    this.#matchIndex = new Map();
    for (const peer of this.ctx.peers) {
      this.#nextIndex.set(peer, this.#log.length + 1);
      this.#matchIndex.set(peer, 0);
    }
    this.#heartbeatElapsed = 0;
    this.#broadcastAppendEntries();
    // Nothing of this term is in the log yet, so this commits nothing; kept for uniformity.
    this.#advanceLeaderCommit();
  }

  #onRequestVote(from: NodeId, request: RequestVote): void {
    let granted = false;
    if (request.term === this.#currentTerm) {
      const myLastIndex = this.#lastLogIndex();
      const myLastTerm = this.#termAt(myLastIndex);
      const upToDate =
        request.lastLogTerm > myLastTerm || (request.lastLogTerm === myLastTerm && request.lastLogIndex >= myLastIndex);
      const free = this.#votedFor === undefined || this.#votedFor === from;
      if (this.#role === 'follower' && free && upToDate) {
        granted = true;
        if (this.#votedFor !== from) {
          this.#votedFor = from;
          this.#persistMeta();
          this.#resetElectionTimer();
        }
      }
    }
    const reply: RequestVoteReply = { type: 'request-vote-reply', term: this.#currentTerm, voteGranted: granted };
    this.ctx.send(from, reply);
  }

  #onRequestVoteReply(from: NodeId, reply: RequestVoteReply): void {
    if (reply.term !== this.#currentTerm) return; // [RAFT-1.6]
    if (this.#role !== 'candidate' || reply.voteGranted !== true) return;
    if (!this.ctx.peers.includes(from)) return;
    this.#votes.add(from);
    if (this.#isMajority(this.#votes.size)) this.#becomeLeader();
  }

  // ---------------------------------------------------------------- replication

  #broadcastAppendEntries(): void {
    for (const peer of this.ctx.peers) this.#sendAppendEntries(peer);
  }

  #sendAppendEntries(peer: NodeId): void {
    const last = this.#log.length;
    let next = this.#nextIndex.get(peer) ?? last + 1;
    if (next < 1) next = 1;
    if (next > last + 1) next = last + 1;
    const prevLogIndex = next - 1;
    const message: AppendEntries = {
      type: 'append-entries',
      term: this.#currentTerm,
      prevLogIndex,
      prevLogTerm: this.#termAt(prevLogIndex),
      entries: this.#log.slice(prevLogIndex),
      leaderCommit: this.#commitIndex,
    };
    this.ctx.send(peer, message);
  }

  #onAppendEntries(from: NodeId, request: AppendEntries): void {
    const prevLogIndex = isTerm(request.prevLogIndex) ? request.prevLogIndex : 0;
    const reply = (success: boolean, index: number): void => {
      const message: AppendEntriesReply = {
        type: 'append-entries-reply',
        term: this.#currentTerm,
        success,
        index,
        lastLogIndex: this.#log.length,
      };
      this.ctx.send(from, message);
    };

    // [RAFT-1.5] A request from an earlier term is refused.
    if (request.term < this.#currentTerm) return reply(false, prevLogIndex);
    // Same term: there is at most one leader per term, so a leader never gets one; refuse, change nothing.
    if (this.#role === 'leader') return reply(false, prevLogIndex);

    // From the leader of the current term: follow it, reset the election timer.
    this.#role = 'follower';
    this.#leader = from;
    this.#votes.clear();
    this.#resetElectionTimer();

    // [RAFT-2.5] The previous entry must match.
    if (prevLogIndex > this.#log.length || this.#termAt(prevLogIndex) !== request.prevLogTerm) {
      return reply(false, prevLogIndex);
    }

    // [RAFT-2.6, RAFT-2.7] Skip what we hold, cut at the first conflict, append the rest.
    const entries = Array.isArray(request.entries) ? request.entries : [];
    let i = 0;
    for (; i < entries.length; i++) {
      const index = prevLogIndex + 1 + i;
      if (index > this.#log.length) break;
      if (this.#log[index - 1]!.term !== entries[i]!.term) {
        this.#truncateFrom(index);
        break;
      }
    }
    if (i < entries.length) {
      this.#appendEntries(entries.slice(i).map((e) => ({ term: e.term, command: e.command })));
    }

    // [RAFT-2.8] Commit up to the last entry this request vouched for; never back.
    const lastNew = prevLogIndex + entries.length;
    if (isTerm(request.leaderCommit) && request.leaderCommit > this.#commitIndex) {
      const target = Math.min(request.leaderCommit, lastNew, this.#log.length);
      if (target > this.#commitIndex) {
        this.#commitIndex = target;
        this.#applyCommitted();
      }
    }
    return reply(true, lastNew);
  }

  #onAppendEntriesReply(from: NodeId, reply: AppendEntriesReply): void {
    if (reply.term !== this.#currentTerm) return; // [RAFT-1.6]
    if (this.#role !== 'leader') return;
    const match = this.#matchIndex.get(from);
    const next = this.#nextIndex.get(from);
    if (match === undefined || next === undefined) return; // not a peer
    const last = this.#log.length;
    const index = isTerm(reply.index) ? reply.index : 0;
    if (reply.success) {
      const acked = Math.min(index, last);
      if (acked > match) this.#matchIndex.set(from, acked);
      if (acked + 1 > next) this.#nextIndex.set(from, acked + 1);
      this.#advanceLeaderCommit();
      return;
    }
    // [RAFT-2.10] Step back, never to or below matchIndex; a stale rejection changes nothing.
    const hint = isTerm(reply.lastLogIndex) ? Math.min(index, reply.lastLogIndex + 1) : index;
    const candidate = Math.max(match + 1, hint);
    if (candidate < next) {
      this.#nextIndex.set(from, candidate);
      this.#sendAppendEntries(from);
    }
  }

  /** [RAFT-2.11] The highest index on a majority, if it is of the current term. */
  #advanceLeaderCommit(): void {
    if (this.#role !== 'leader') return;
    const indexes = [this.#log.length];
    for (const peer of this.ctx.peers) indexes.push(this.#matchIndex.get(peer) ?? 0);
    indexes.sort((a, b) => b - a);
    const n = indexes[Math.floor(this.#clusterSize() / 2)]!;
    if (n > this.#commitIndex && this.#termAt(n) === this.#currentTerm) {
      this.#commitIndex = n;
      this.#applyCommitted();
    }
  }

  /** [RAFT-2.12] Emit each newly committed entry once, in order. */
  #applyCommitted(): void {
    while (this.#lastApplied < this.#commitIndex) {
      this.#lastApplied++;
      const entry = this.#log[this.#lastApplied - 1]!;
      this.ctx.emit({ type: 'applied', index: this.#lastApplied, term: entry.term, command: entry.command });
    }
  }

  // ---------------------------------------------------------------- persistence

  #persistMeta(): void {
    const body: { term: number; votedFor?: string } = { term: this.#currentTerm };
    if (this.#votedFor !== undefined) body.votedFor = this.#votedFor;
    this.ctx.storage.write(META_FILE, encoder.encode(`${JSON.stringify(body)}\n`));
    this.ctx.storage.sync(META_FILE);
  }

  /** Appends entries to the log, durably. */
  #appendEntries(entries: Entry[]): void {
    if (entries.length === 0) return;
    for (const entry of entries) this.#log.push(entry);
    this.#logView = undefined;
    this.ctx.storage.append(LOG_FILE, encoder.encode(entries.map(encodeEntry).join('')));
    this.ctx.storage.sync(LOG_FILE);
  }

  /** Deletes the entry at `index` and all after it, durably. */
  #truncateFrom(index: number): void {
    if (index > this.#log.length) return;
    this.#log.length = index - 1;
    this.#logView = undefined;
    this.#rewriteLog();
  }

  #rewriteLog(): void {
    this.ctx.storage.write(LOG_FILE, encoder.encode(this.#log.map(encodeEntry).join('')));
    this.ctx.storage.sync(LOG_FILE);
  }

  #restore(): void {
    const storage = this.ctx.storage;
    let created = false;

    const meta = storage.read(META_FILE);
    let metaValid = false;
    if (meta !== undefined) {
      try {
        const text = decoder.decode(meta);
        if (text.endsWith('\n')) {
          const parsed = JSON.parse(text) as { term?: unknown; votedFor?: unknown };
          if (isTerm(parsed.term)) {
            this.#currentTerm = parsed.term;
            this.#votedFor = typeof parsed.votedFor === 'string' ? parsed.votedFor : undefined;
            metaValid = true;
          }
        }
      } catch {
        metaValid = false;
      }
    }
    if (!metaValid) {
      if (meta === undefined) created = true;
      this.#persistMeta();
    }

    const bytes = storage.read(LOG_FILE);
    if (bytes === undefined) {
      storage.write(LOG_FILE, new Uint8Array(0));
      storage.sync(LOG_FILE);
      created = true;
    } else {
      // Whole lines only: a last line without '\n' is a torn append nobody was promised.
      let start = 0;
      let validEnd = 0;
      while (start < bytes.length) {
        const end = bytes.indexOf(NEWLINE, start);
        if (end < 0) break;
        let entry: Entry | undefined;
        try {
          const parsed = JSON.parse(decoder.decode(bytes.subarray(start, end))) as unknown;
          if (Array.isArray(parsed) && parsed.length === 2 && isTerm(parsed[0]) && typeof parsed[1] === 'string') {
            entry = { term: parsed[0], command: parsed[1] };
          }
        } catch {
          entry = undefined;
        }
        if (entry === undefined) break;
        this.#log.push(entry);
        start = end + 1;
        validEnd = start;
      }
      // Drop any torn tail on disk too, so later appends start on a clean line.
      if (validEnd < bytes.length) this.#rewriteLog();
    }

    if (created) storage.syncDirectory();
  }
}
