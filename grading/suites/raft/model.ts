/**
 * A model of one Raft node, for the model-based test of the whole API
 * (model.test.ts): Figure 2 written the dumbest way, one field per piece of
 * state, and no I/O. It says exactly what the README fixes (term, vote, role,
 * leader, commit index, log, what is applied, every reply) and, where the
 * README leaves a choice, the bounds of that choice:
 *
 * - the election timeout is drawn from ctx.rng, so the model knows only the
 *   ticks since the last reset, and requires an election on a tick that
 *   brings them into [10, 19] and none before;
 * - a leader may send AppendEntries on a proposal, at once after a rejection,
 *   or only at the next tick, and step back by any amount: the model keeps
 *   matchIndex exactly (it decides commits) and checks every AppendEntries a
 *   leader sends against its log, but not when it sends one.
 */
import type { NodeId } from '../../../harness';
import type { Applied, Entry, Message, Role } from './support';

export const ELECTION_MIN = 10;
export const ELECTION_MAX = 19;

/** The getters of a node, by value. */
export interface Observed {
  readonly term: number;
  readonly role: Role;
  readonly votedFor: NodeId | undefined;
  readonly leader: NodeId | undefined;
  readonly commitIndex: number;
  readonly log: readonly (readonly [number, string])[];
}

/** What one call must have sent: exact replies, or the leader's freedom. */
export type Expected =
  /** Exactly these messages (as a multiset). */
  | { readonly kind: 'exactly'; readonly messages: readonly { readonly to: NodeId; readonly message: Message }[] }
  /** Only AppendEntries, each well formed; to every peer at least once when `everyPeer`. */
  | { readonly kind: 'appends'; readonly everyPeer: boolean };

export class RaftModel {
  term = 0;
  votedFor: NodeId | undefined;
  log: Entry[] = [];
  role: Role = 'follower';
  leader: NodeId | undefined;
  commitIndex = 0;
  lastApplied = 0;
  /** Ticks since the election timer was last reset. */
  elapsed = 0;
  votes = new Set<NodeId>();
  match = new Map<NodeId, number>();
  /** Terms in which this node was leader (no other node leads them). */
  readonly ledTerms = new Set<number>();
  /** Entries applied by the last call. */
  applied: Applied[] = [];

  constructor(
    readonly id: NodeId,
    readonly peers: readonly NodeId[],
  ) {}

  get size(): number {
    return this.peers.length + 1;
  }

  observed(): Observed {
    return { term: this.term, role: this.role, votedFor: this.votedFor, leader: this.leader, commitIndex: this.commitIndex, log: this.log.map((e) => [e.term, e.command] as const) };
  }

  termAt(index: number): number {
    return index === 0 ? 0 : this.log[index - 1]!.term;
  }

  /** A crash and a restart: term, vote and log stay; everything else starts afresh. */
  restart(): void {
    this.role = 'follower';
    this.leader = undefined;
    this.commitIndex = 0;
    this.lastApplied = 0;
    this.elapsed = 0;
    this.votes = new Set();
    this.match = new Map();
    this.applied = [];
  }

  /** Starts a call: clears what the last one applied. */
  begin(): void {
    this.applied = [];
  }

  /** A tick that did not start an election. */
  idleTick(): Expected {
    if (this.role === 'leader') return { kind: 'appends', everyPeer: true };
    this.elapsed++;
    return { kind: 'exactly', messages: [] };
  }

  startElection(): Expected {
    this.role = 'candidate';
    this.leader = undefined;
    this.term++;
    this.votedFor = this.id;
    this.elapsed = 0;
    this.votes = new Set([this.id]);
    if (this.#quorum(this.votes.size)) return this.#becomeLeader();
    const request: Message = { type: 'request-vote', term: this.term, lastLogIndex: this.log.length, lastLogTerm: this.termAt(this.log.length) };
    return { kind: 'exactly', messages: this.peers.map((to) => ({ to, message: request })) };
  }

  step(from: NodeId, m: Message): Expected {
    if (m.term > this.term) {
      if (this.role === 'leader') this.elapsed = 0;
      this.term = m.term;
      this.votedFor = undefined;
      this.role = 'follower';
      this.leader = m.type === 'append-entries' ? from : undefined;
    }
    switch (m.type) {
      case 'request-vote': {
        const last = this.termAt(this.log.length);
        const upToDate = m.lastLogTerm > last || (m.lastLogTerm === last && m.lastLogIndex >= this.log.length);
        const grant = m.term === this.term && (this.votedFor === undefined || this.votedFor === from) && upToDate;
        if (grant) {
          this.votedFor = from;
          this.elapsed = 0;
        }
        return { kind: 'exactly', messages: [{ to: from, message: { type: 'request-vote-reply', term: this.term, voteGranted: grant } }] };
      }
      case 'request-vote-reply': {
        if (this.role === 'candidate' && m.term === this.term && m.voteGranted) {
          this.votes.add(from);
          if (this.#quorum(this.votes.size)) return this.#becomeLeader();
        }
        return { kind: 'appends', everyPeer: false };
      }
      case 'append-entries': {
        const reply = (success: boolean, index: number): Expected => ({
          kind: 'exactly',
          messages: [{ to: from, message: { type: 'append-entries-reply', term: this.term, success, index, lastLogIndex: this.log.length } }],
        });
        if (m.term < this.term) return reply(false, m.prevLogIndex);
        this.role = 'follower';
        this.leader = from;
        this.elapsed = 0;
        const prev = m.prevLogIndex;
        if (prev > this.log.length || this.termAt(prev) !== m.prevLogTerm) return reply(false, prev);
        m.entries.forEach((entry, i) => {
          const index = prev + 1 + i;
          if (index <= this.log.length && this.termAt(index) === entry.term) return;
          if (index <= this.log.length) this.log.length = index - 1;
          if (index === this.log.length + 1) this.log.push({ term: entry.term, command: entry.command });
        });
        const lastNew = prev + m.entries.length;
        if (m.leaderCommit > this.commitIndex) this.#commitTo(Math.min(m.leaderCommit, lastNew));
        return reply(true, lastNew);
      }
      case 'append-entries-reply': {
        if (this.role === 'leader' && m.term === this.term && m.success) {
          this.match.set(from, Math.max(this.match.get(from) ?? 0, m.index));
          this.#advanceCommit();
        }
        return { kind: 'appends', everyPeer: false };
      }
      default: {
        const unreachable: never = m;
        throw new Error(`raft model: unknown message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** What propose must return; the sends are the leader's choice. */
  propose(command: string): { result: { ok: true; index: number; term: number } | { ok: false; leader: NodeId | undefined }; expected: Expected } {
    if (this.role !== 'leader') return { result: { ok: false, leader: this.leader }, expected: { kind: 'exactly', messages: [] } };
    this.log.push({ term: this.term, command });
    this.#advanceCommit();
    return { result: { ok: true, index: this.log.length, term: this.term }, expected: { kind: 'appends', everyPeer: false } };
  }

  #becomeLeader(): Expected {
    this.role = 'leader';
    this.leader = this.id;
    this.ledTerms.add(this.term);
    this.match = new Map(this.peers.map((p) => [p, 0]));
    return { kind: 'appends', everyPeer: true };
  }

  #quorum(count: number): boolean {
    return 2 * count > this.size;
  }

  #advanceCommit(): void {
    const sorted = [this.log.length, ...this.peers.map((p) => this.match.get(p) ?? 0)].sort((a, b) => b - a);
    const n = sorted[Math.floor(this.size / 2)]!;
    if (n > this.commitIndex && this.termAt(n) === this.term) this.#commitTo(n);
  }

  #commitTo(index: number): void {
    if (index <= this.commitIndex) return;
    this.commitIndex = index;
    while (this.lastApplied < index) {
      this.lastApplied++;
      const e = this.log[this.lastApplied - 1]!;
      this.applied.push({ type: 'applied', index: this.lastApplied, term: e.term, command: e.command });
    }
  }
}
