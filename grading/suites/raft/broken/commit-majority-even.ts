/**
 * Broken Raft node: finds the majority index at position ceil(n / 2) − 1.
 *
 * The mistake (clause RAFT-2.8): the leader sorts the match indexes in
 * descending order and takes position ceil(n / 2) − 1 as the index a majority
 * holds. For 3, 5 and 7 nodes that is floor(n / 2), the right one; for 2 and 4
 * nodes it is one too early, so an entry on half the cluster (1 of 2, 2 of 4)
 * is committed.
 *
 * Seen in: the quorum arithmetic of even clusters, which etcd's
 * quorum/majority.go spells out as n/2 + 1 and tests on every size.
 */
import type { NodeContext, NodeId, ProtocolNode } from '@faultline/harness';
import { ELECTION_TICKS, HEARTBEAT_TICKS, type Applied, type AppendEntries, type AppendEntriesReply, type Entry, type Message, type ProposeResult, type RequestVote, type RequestVoteReply, type Role } from './protocol';

const STATE_FILE = 'raft-state';
const LOG_FILE = 'raft-log';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class RaftNode implements ProtocolNode<Message> {
  #term = 0;
  #votedFor: NodeId | undefined;
  #log: Entry[] = [];
  #role: Role = 'follower';
  #leader: NodeId | undefined;
  #commitIndex = 0;
  #lastApplied = 0;
  /** Ticks since the election timer was reset, and the timeout drawn at that reset. */
  #elapsed = 0;
  #timeout = 0;
  #votes = new Set<NodeId>();
  #nextIndex = new Map<NodeId, number>();
  #matchIndex = new Map<NodeId, number>();

  constructor(private readonly ctx: NodeContext<Message, Applied>) {
    this.#restore();
    this.#resetElectionTimer();
  }

  get term(): number {
    return this.#term;
  }
  get role(): Role {
    return this.#role;
  }
  get votedFor(): NodeId | undefined {
    return this.#votedFor;
  }
  get leader(): NodeId | undefined {
    return this.#leader;
  }
  get commitIndex(): number {
    return this.#commitIndex;
  }
  get log(): readonly Entry[] {
    return this.#log;
  }

  tick(): void {
    this.#elapsed++;
    if (this.#role === 'leader') {
      if (this.#elapsed >= HEARTBEAT_TICKS) this.#broadcastAppend();
    } else if (this.#elapsed >= this.#timeout) {
      this.#startElection();
    }
  }

  step(from: NodeId, message: Message): void {
    // §5.1: any message with a higher term makes this node a follower in that term.
    if (message.term > this.#term) this.#becomeFollower(message.term, message.type === 'append-entries' ? from : undefined);
    switch (message.type) {
      case 'request-vote':
        return this.#onRequestVote(from, message);
      case 'request-vote-reply':
        return this.#onVoteReply(from, message);
      case 'append-entries':
        return this.#onAppendEntries(from, message);
      case 'append-entries-reply':
        return this.#onAppendReply(from, message);
      default: {
        const unreachable: never = message;
        throw new TypeError(`raft: unknown message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  propose(command: string): ProposeResult {
    if (this.#role !== 'leader') return { ok: false, leader: this.#leader };
    const entry: Entry = { term: this.#term, command };
    this.#log.push(entry);
    this.#appendToDisk([entry]);
    this.#advanceCommit();
    this.#broadcastAppend();
    return { ok: true, index: this.#log.length, term: this.#term };
  }

  // ------------------------------------------------------------ elections (§5.2, §5.4.1)

  #startElection(): void {
    this.#role = 'candidate';
    this.#leader = undefined;
    this.#term++;
    this.#votedFor = this.ctx.id;
    this.#saveState();
    this.#resetElectionTimer();
    this.#votes = new Set([this.ctx.id]);
    if (this.#hasQuorum(this.#votes.size)) return this.#becomeLeader();
    const request: RequestVote = { type: 'request-vote', term: this.#term, lastLogIndex: this.#log.length, lastLogTerm: this.#termAt(this.#log.length) };
    for (const peer of this.ctx.peers) this.ctx.send(peer, request);
  }

  #onRequestVote(from: NodeId, request: RequestVote): void {
    const lastTerm = this.#termAt(this.#log.length);
    const upToDate = request.lastLogTerm > lastTerm || (request.lastLogTerm === lastTerm && request.lastLogIndex >= this.#log.length);
    const grant = request.term === this.#term && (this.#votedFor === undefined || this.#votedFor === from) && upToDate;
    if (grant && this.#votedFor !== from) {
      this.#votedFor = from;
      this.#saveState();
    }
    if (grant) this.#resetElectionTimer();
    const reply: RequestVoteReply = { type: 'request-vote-reply', term: this.#term, voteGranted: grant };
    this.ctx.send(from, reply);
  }

  #onVoteReply(from: NodeId, reply: RequestVoteReply): void {
    if (this.#role !== 'candidate' || reply.term !== this.#term || !reply.voteGranted) return;
    this.#votes.add(from);
    if (this.#hasQuorum(this.#votes.size)) this.#becomeLeader();
  }

  /** §5.1: a higher term seen. Only a leader stepping down starts a fresh election timer (contract in raft.ts). */
  #becomeFollower(term: number, leader: NodeId | undefined): void {
    if (this.#role === 'leader') this.#resetElectionTimer();
    this.#term = term;
    this.#votedFor = undefined;
    this.#role = 'follower';
    this.#leader = leader;
    this.#saveState();
  }

  #becomeLeader(): void {
    this.#role = 'leader';
    this.#leader = this.ctx.id;
    for (const peer of this.ctx.peers) {
      this.#nextIndex.set(peer, this.#log.length + 1);
      this.#matchIndex.set(peer, 0);
    }
    this.#broadcastAppend();
  }

  #resetElectionTimer(): void {
    this.#elapsed = 0;
    this.#timeout = this.ctx.rng.int(ELECTION_TICKS, 2 * ELECTION_TICKS - 1);
  }

  // ------------------------------------------------------------ replication (§5.3, §5.4.2)

  #broadcastAppend(): void {
    this.#elapsed = 0;
    for (const peer of this.ctx.peers) this.#sendAppend(peer);
  }

  #sendAppend(peer: NodeId): void {
    const next = this.#nextIndex.get(peer)!;
    const request: AppendEntries = {
      type: 'append-entries',
      term: this.#term,
      prevLogIndex: next - 1,
      prevLogTerm: this.#termAt(next - 1),
      entries: this.#log.slice(next - 1),
      leaderCommit: this.#commitIndex,
    };
    this.ctx.send(peer, request);
  }

  #onAppendEntries(from: NodeId, request: AppendEntries): void {
    const reply = (success: boolean, index: number): void => {
      const message: AppendEntriesReply = { type: 'append-entries-reply', term: this.#term, success, index, lastLogIndex: this.#log.length };
      this.ctx.send(from, message);
    };
    if (request.term < this.#term) return reply(false, request.prevLogIndex);
    // The leader of this term: a candidate gives up, and the timer restarts.
    this.#role = 'follower';
    this.#leader = from;
    this.#resetElectionTimer();

    const prev = request.prevLogIndex;
    if (prev > this.#log.length || this.#termAt(prev) !== request.prevLogTerm) return reply(false, prev);
    let index = prev;
    for (const entry of request.entries) {
      index++;
      if (index <= this.#log.length && this.#termAt(index) === entry.term) continue;
      if (index <= this.#log.length) this.#truncateFrom(index);
      const rest = request.entries.slice(index - prev - 1);
      this.#log.push(...rest);
      this.#appendToDisk(rest);
      break;
    }
    const lastNew = prev + request.entries.length;
    if (request.leaderCommit > this.#commitIndex) this.#commitTo(Math.min(request.leaderCommit, lastNew));
    reply(true, lastNew);
  }

  #onAppendReply(from: NodeId, reply: AppendEntriesReply): void {
    if (this.#role !== 'leader' || reply.term !== this.#term) return;
    const match = this.#matchIndex.get(from)!;
    if (reply.success) {
      if (reply.index > match) this.#matchIndex.set(from, reply.index);
      this.#nextIndex.set(from, Math.max(this.#nextIndex.get(from)!, reply.index + 1));
      this.#advanceCommit();
      return;
    }
    // Step back below the entry that did not match, but never below what is known to match.
    const next = Math.max(match + 1, Math.min(reply.index, reply.lastLogIndex + 1));
    if (next >= this.#nextIndex.get(from)!) return; // a stale or duplicated rejection
    this.#nextIndex.set(from, next);
    this.#sendAppend(from);
  }

  /** §5.4.2: commit the highest index stored on a majority, if its entry is from this term. */
  #advanceCommit(): void {
    const matches = [this.#log.length, ...this.ctx.peers.map((p) => this.#matchIndex.get(p)!)].sort((a, b) => b - a);
    const majority = matches[Math.ceil(matches.length / 2) - 1]!;
    if (majority > this.#commitIndex && this.#termAt(majority) === this.#term) this.#commitTo(majority);
  }

  #commitTo(index: number): void {
    if (index <= this.#commitIndex) return;
    this.#commitIndex = index;
    while (this.#lastApplied < this.#commitIndex) {
      this.#lastApplied++;
      const entry = this.#log[this.#lastApplied - 1]!;
      this.ctx.emit({ type: 'applied', index: this.#lastApplied, term: entry.term, command: entry.command });
    }
  }

  #hasQuorum(count: number): boolean {
    return count * 2 > this.ctx.peers.length + 1;
  }

  #termAt(index: number): number {
    return index === 0 ? 0 : (this.#log[index - 1]?.term ?? -1);
  }

  // ------------------------------------------------------------ persistence

  #restore(): void {
    const { storage } = this.ctx;
    const state = storage.read(STATE_FILE);
    const log = storage.read(LOG_FILE);
    if (state && log) {
      const saved = JSON.parse(decoder.decode(state)) as { term: number; votedFor: NodeId | null };
      this.#term = saved.term;
      this.#votedFor = saved.votedFor ?? undefined;
      // Every append is synced before the call returns, so a torn last line is one no message ever promised.
      const text = decoder.decode(log);
      this.#log = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Entry);
      return;
    }
    this.#saveState();
    storage.write(LOG_FILE, new Uint8Array(0));
    storage.sync(LOG_FILE);
    storage.syncDirectory();
  }

  #saveState(): void {
    this.ctx.storage.write(STATE_FILE, encoder.encode(JSON.stringify({ term: this.#term, votedFor: this.#votedFor ?? null })));
    this.ctx.storage.sync(STATE_FILE);
  }

  #appendToDisk(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    this.ctx.storage.append(LOG_FILE, encoder.encode(entries.map((e) => `${JSON.stringify({ term: e.term, command: e.command })}\n`).join('')));
    this.ctx.storage.sync(LOG_FILE);
  }

  #truncateFrom(index: number): void {
    this.#log.length = index - 1;
    this.ctx.storage.write(LOG_FILE, encoder.encode(this.#log.map((e) => `${JSON.stringify({ term: e.term, command: e.command })}\n`).join('')));
    this.ctx.storage.sync(LOG_FILE);
  }
}
