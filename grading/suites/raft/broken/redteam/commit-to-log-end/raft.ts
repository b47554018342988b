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
 * - A follower's or candidate's election timer is reset (a new timeout
 *   drawn) only by an AppendEntries from the leader of its current term, by
 *   granting a vote, and by starting an election (§5.2); besides, a node
 *   draws its first timeout when it is constructed, and a leader that steps
 *   down starts a fresh one. Messages from earlier terms, replies, and
 *   refused vote requests never reset it.
 * - A leader appends only what is proposed to it (no no-op entry on election).
 * - Entries are applied (emitted with ctx.emit) once each, in index order,
 *   only once committed, and in the same call that advanced the commit index.
 *   The state machine is volatile: after a restart, the node applies again
 *   from index 1 as it learns the commit index.
 * - Persistence: `ctx.storage` keeps only what was synced (`sync(name)` for
 *   contents, `syncDirectory()` for created or renamed files). When a call
 *   returns having sent any message, the node's current term, vote and log
 *   must already be durable: a crash right then, losing everything unsynced,
 *   must leave storage from which a new node restores exactly that state.
 * - A node is constructed at start and after every crash with the same
 *   storage; the constructor restores term, vote and log from it. Commit
 *   index, role and everything else start afresh (follower, commit index 0).
 */
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import { ELECTION_TICKS, HEARTBEAT_TICKS, type AppendEntries, type AppendEntriesReply, type Applied, type Entry, type Message, type ProposeResult, type RequestVote, type RequestVoteReply, type Role } from './protocol';

/**
 * One append-only write-ahead file. Each line is a JSON record, either
 * `{"term":t,"vote":v}` (the latest one wins) or `{"i":index,"t":term,"c":command}`
 * (an entry at index: everything from that index on is replaced). A line that
 * does not parse (a torn append) is ignored.
 */
const WAL = 'raft.wal';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class RaftNode implements ProtocolNode<Message> {
  #term = 0;
  #votedFor: NodeId | undefined = undefined;
  #log: Entry[] = [];
  #role: Role = 'follower';
  #leader: NodeId | undefined = undefined;
  #commitIndex = 0;
  #lastApplied = 0;
  #electionElapsed = 0;
  #electionTimeout = ELECTION_TICKS;
  #heartbeatElapsed = 0;
  #votes = new Set<NodeId>();
  #nextIndex = new Map<NodeId, number>();
  #matchIndex = new Map<NodeId, number>();

  /** Restores term, vote and log from `ctx.storage` (empty on first start). `ctx.peers` are the other members of the cluster. */
  constructor(private readonly ctx: NodeContext<Message, Applied>) {
    this.#restore();
    this.#resetElectionTimer();
  }

  /** The current term (0 before the first election). */
  get term(): number {
    return this.#term;
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

  /** The log; entry i (1-based) is `log[i - 1]`. Read-only: the harness never changes it. */
  get log(): readonly Entry[] {
    return this.#log;
  }

  /** One tick has passed: count towards the election timeout, or, as leader, towards the next heartbeat. */
  tick(): void {
    this.#electionElapsed++;
    if (this.#role === 'leader') {
      this.#heartbeatElapsed++;
      if (this.#heartbeatElapsed >= HEARTBEAT_TICKS) {
        this.#heartbeatElapsed = 0;
        this.#broadcastAppend();
      }
      return;
    }
    if (this.#electionElapsed >= this.#electionTimeout) this.#startElection();
  }

  /** A message from peer `from` has arrived (Figure 2, "Rules for Servers" and the two RPCs). */
  step(from: NodeId, message: Message): void {
    if (message.term > this.#term) {
      const wasLeader = this.#role === 'leader';
      this.#term = message.term;
      this.#votedFor = undefined;
      this.#role = 'follower';
      this.#leader = message.type === 'append-entries' ? from : undefined;
      this.#persistState();
      if (wasLeader) this.#resetElectionTimer();
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
        const unreachable: never = message;
        void unreachable;
      }
    }
  }

  /**
   * A client asks to replicate `command`. A leader appends it to its log in
   * its current term (durably) and returns its index and term; it may send
   * AppendEntries now or at the next heartbeat. Any other node returns
   * `{ ok: false, leader }` and changes nothing.
   */
  propose(command: string): ProposeResult {
    if (this.#role !== 'leader') return { ok: false, leader: this.#leader };
    this.#log.push({ term: this.#term, command });
    this.#persistEntries(this.#log.length);
    this.#maybeCommit();
    return { ok: true, index: this.#log.length, term: this.#term };
  }

  // --- election -------------------------------------------------------------

  #resetElectionTimer(): void {
    this.#electionElapsed = 0;
    this.#electionTimeout = this.ctx.rng.int(ELECTION_TICKS, 2 * ELECTION_TICKS - 1);
  }

  #clusterSize(): number {
    return this.ctx.peers.length + 1;
  }

  #lastLogIndex(): number {
    return this.#log.length;
  }

  #lastLogTerm(): number {
    return this.#log.length > 0 ? this.#log[this.#log.length - 1]!.term : 0;
  }

  #startElection(): void {
    this.#term++;
    this.#role = 'candidate';
    this.#votedFor = this.ctx.id;
    this.#leader = undefined;
    this.#votes = new Set([this.ctx.id]);
    this.#persistState();
    this.#resetElectionTimer();
    const request: RequestVote = { type: 'request-vote', term: this.#term, lastLogIndex: this.#lastLogIndex(), lastLogTerm: this.#lastLogTerm() };
    for (const peer of this.ctx.peers) this.ctx.send(peer, request);
    if (2 * this.#votes.size > this.#clusterSize()) this.#becomeLeader();
  }

  #onRequestVote(from: NodeId, m: RequestVote): void {
    if (m.term < this.#term) {
      this.ctx.send(from, { type: 'request-vote-reply', term: this.#term, voteGranted: false });
      return;
    }
    const myLastTerm = this.#lastLogTerm();
    const upToDate = m.lastLogTerm > myLastTerm || (m.lastLogTerm === myLastTerm && m.lastLogIndex >= this.#lastLogIndex());
    const grant = (this.#votedFor === undefined || this.#votedFor === from) && upToDate;
    if (grant) {
      if (this.#votedFor !== from) {
        this.#votedFor = from;
        this.#persistState();
      }
      this.#resetElectionTimer();
    }
    this.ctx.send(from, { type: 'request-vote-reply', term: this.#term, voteGranted: grant });
  }

  #onRequestVoteReply(from: NodeId, m: RequestVoteReply): void {
    if (this.#role !== 'candidate' || m.term !== this.#term) return;
    if (!m.voteGranted) return;
    this.#votes.add(from);
    if (2 * this.#votes.size > this.#clusterSize()) this.#becomeLeader();
  }

  #becomeLeader(): void {
    this.#role = 'leader';
    this.#leader = this.ctx.id;
    this.#heartbeatElapsed = 0;
    for (const peer of this.ctx.peers) {
      this.#nextIndex.set(peer, this.#log.length + 1);
      this.#matchIndex.set(peer, 0);
    }
    this.#broadcastAppend();
  }

  // --- replication ------------------------------------------------------------

  #broadcastAppend(): void {
    for (const peer of this.ctx.peers) this.#sendAppend(peer);
  }

  #sendAppend(peer: NodeId): void {
    const next = this.#nextIndex.get(peer) ?? this.#log.length + 1;
    const prevLogIndex = next - 1;
    const prevLogTerm = prevLogIndex > 0 ? this.#log[prevLogIndex - 1]!.term : 0;
    const message: AppendEntries = {
      type: 'append-entries',
      term: this.#term,
      prevLogIndex,
      prevLogTerm,
      entries: this.#log.slice(prevLogIndex),
      leaderCommit: this.#commitIndex,
    };
    this.ctx.send(peer, message);
  }

  #onAppendEntries(from: NodeId, m: AppendEntries): void {
    if (m.term < this.#term || this.#role === 'leader') {
      this.#replyAppend(from, false, m.prevLogIndex);
      return;
    }
    // m.term === this.#term: the leader of the current term.
    this.#role = 'follower';
    this.#leader = from;
    this.#resetElectionTimer();

    const prev = m.prevLogIndex;
    if (prev > this.#log.length || (prev > 0 && this.#log[prev - 1]!.term !== m.prevLogTerm)) {
      this.#replyAppend(from, false, prev);
      return;
    }
    for (let k = 0; k < m.entries.length; k++) {
      const index = prev + 1 + k;
      const entry = m.entries[k]!;
      if (index <= this.#log.length) {
        if (this.#log[index - 1]!.term === entry.term) continue;
        this.#log.length = index - 1;
      }
      for (const e of m.entries.slice(k)) this.#log.push({ term: e.term, command: e.command });
      this.#persistEntries(index);
      break;
    }
    const lastNew = prev + m.entries.length;
    if (m.leaderCommit > this.#commitIndex) {
      this.#commitIndex = Math.max(this.#commitIndex, Math.min(m.leaderCommit, this.#log.length));
      this.#apply();
    }
    this.#replyAppend(from, true, lastNew);
  }

  #replyAppend(to: NodeId, success: boolean, index: number): void {
    const reply: AppendEntriesReply = { type: 'append-entries-reply', term: this.#term, success, index, lastLogIndex: this.#log.length };
    this.ctx.send(to, reply);
  }

  #onAppendEntriesReply(from: NodeId, m: AppendEntriesReply): void {
    if (this.#role !== 'leader' || m.term !== this.#term) return;
    const match = this.#matchIndex.get(from) ?? 0;
    const next = this.#nextIndex.get(from) ?? this.#log.length + 1;
    if (m.success) {
      this.#matchIndex.set(from, Math.max(match, m.index));
      this.#nextIndex.set(from, Math.max(next, m.index + 1));
      this.#maybeCommit();
    } else {
      const back = Math.max(match + 1, Math.min(m.index, m.lastLogIndex + 1));
      if (back < next) {
        this.#nextIndex.set(from, back);
        this.#sendAppend(from);
      }
    }
  }

  #maybeCommit(): void {
    const indexes = [this.#log.length, ...this.ctx.peers.map((p) => this.#matchIndex.get(p) ?? 0)].sort((a, b) => b - a);
    const n = indexes[Math.floor(indexes.length / 2)]!;
    if (n > this.#commitIndex && this.#log[n - 1]!.term === this.#term) {
      this.#commitIndex = n;
      this.#apply();
    }
  }

  #apply(): void {
    while (this.#lastApplied < this.#commitIndex) {
      this.#lastApplied++;
      const entry = this.#log[this.#lastApplied - 1]!;
      this.ctx.emit({ type: 'applied', index: this.#lastApplied, term: entry.term, command: entry.command });
    }
  }

  // --- persistence ------------------------------------------------------------

  #restore(): void {
    const storage = this.ctx.storage;
    const bytes = storage.read(WAL);
    if (bytes === undefined) {
      storage.append(WAL, new Uint8Array(0));
      storage.sync(WAL);
      storage.syncDirectory();
      return;
    }
    const text = decoder.decode(bytes);
    const lines = text.split('\n');
    // The last piece has no newline: empty, or a torn append nobody was promised.
    lines.pop();
    for (const line of lines) {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        continue;
      }
      if (typeof record !== 'object' || record === null) continue;
      const r = record as { term?: unknown; vote?: unknown; i?: unknown; t?: unknown; c?: unknown };
      if (typeof r.term === 'number') {
        this.#term = r.term;
        this.#votedFor = typeof r.vote === 'string' ? r.vote : undefined;
      } else if (typeof r.i === 'number' && typeof r.t === 'number' && typeof r.c === 'string') {
        this.#log.length = Math.min(this.#log.length, r.i - 1);
        this.#log.push({ term: r.t, command: r.c });
      }
    }
    if (text.length > 0 && !text.endsWith('\n')) {
      // End the torn line, so that the next record starts on a line of its own.
      storage.append(WAL, encoder.encode('\n'));
      storage.sync(WAL);
    }
  }

  #persistState(): void {
    this.ctx.storage.append(WAL, encoder.encode(`${JSON.stringify({ term: this.#term, vote: this.#votedFor ?? null })}\n`));
    this.ctx.storage.sync(WAL);
  }

  /** Writes the entries from `from` (1-based) to the end of the log, replacing whatever the file held from there. */
  #persistEntries(from: number): void {
    let text = '';
    for (let i = from; i <= this.#log.length; i++) {
      const e = this.#log[i - 1]!;
      text += `${JSON.stringify({ i, t: e.term, c: e.command })}\n`;
    }
    this.ctx.storage.append(WAL, encoder.encode(text));
    this.ctx.storage.sync(WAL);
  }
}
