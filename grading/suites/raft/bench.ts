/**
 * A test bench for one Raft node, in the manner of etcd's raft_paper_test.go:
 * the node under test is fed crafted messages and ticks, one at a time, and
 * the bench records what it sent and applied. No network, no simulator: each
 * rule of Figure 2 can be checked on its own.
 *
 * `crash()` is the worst crash there is: everything not synced is lost. The
 * bench can also check, after every call that sent a message, that storage
 * already holds the node's term, vote and log (`checkDurable`).
 */
import { Rng, SimStorage, guarded, type NodeContext, type NodeId } from '../../../harness';
import type { Applied, Entry, Message, RaftModule, RaftNode } from './support';
import { describeLog, describeMessage } from './format';

export interface Sent {
  readonly to: NodeId;
  readonly message: Message;
}

export interface BenchOptions {
  /** The node under test (default 'n1'). */
  readonly id?: NodeId;
  /** Its peers (default n2 … n5: a five-node cluster). */
  readonly peers?: readonly NodeId[];
  readonly seed?: number;
  /**
   * Check that the durable state equals the node's: after every call that
   * sends a message (true), after every call and construction ('every'), or
   * never (false, the default).
   */
  readonly checkDurable?: boolean | 'every';
}

const stringify = JSON.stringify;

export class Bench {
  readonly id: NodeId;
  readonly peers: readonly NodeId[];
  storage: SimStorage;
  /** Everything the node sent, across restarts, in order. */
  readonly sent: Sent[] = [];
  /** Everything the node applied, across restarts, in order. */
  readonly applied: Applied[] = [];
  node: RaftNode;
  /** How many times `checkDurable` compared the durable state with the node's. */
  durableChecks = 0;
  #incarnation = 0;
  #inCall = false;
  #outbox: Sent[] = [];
  readonly #seed: number;
  readonly #checkDurable: boolean | 'every';

  constructor(
    private readonly module: RaftModule,
    options: BenchOptions = {},
  ) {
    this.id = options.id ?? 'n1';
    this.peers = options.peers ?? ['n2', 'n3', 'n4', 'n5'];
    this.#seed = options.seed ?? 1;
    this.#checkDurable = options.checkDurable ?? false;
    this.storage = new SimStorage();
    this.node = this.#create(this.storage, 'start');
    if (this.#checkDurable === 'every') this.expectDurable('after the constructor, on an empty disk');
  }

  /** The cluster size, and how many votes or copies make a majority. */
  get size(): number {
    return this.peers.length + 1;
  }
  get majority(): number {
    return Math.floor(this.size / 2) + 1;
  }

  #context(storage: SimStorage, incarnation: number, collect: boolean): NodeContext<Message, Applied> {
    const own = (what: string) => {
      if (!this.#inCall || incarnation !== this.#incarnation) throw new Error(`raft bench: ${this.id} called ctx.${what} outside one of its own calls`);
    };
    return {
      id: this.id,
      peers: [...this.peers].sort(),
      rng: Rng.stream(this.#seed, `bench/${this.id}/${incarnation}`),
      clock: { now: () => 0 },
      monotonic: { now: () => 0 },
      storage,
      send: (to, message) => {
        own('send');
        if (!collect) return;
        if (to === this.id || !this.peers.includes(to)) throw new RangeError(`raft bench: ${this.id} sent a message to ${stringify(to)}, which is not one of its peers (${this.peers.join(', ')})`);
        this.#outbox.push({ to, message: structuredClone(message) });
      },
      emit: (output) => {
        own('emit');
        if (collect) this.applied.push(structuredClone(output));
      },
    };
  }

  #create(storage: SimStorage, why: 'start' | 'restart' | 'durability probe'): RaftNode {
    const probe = why === 'durability probe';
    const incarnation = probe ? -1 : ++this.#incarnation;
    const context = this.#context(storage, incarnation, !probe);
    let node: RaftNode | undefined;
    this.#inCall = true;
    try {
      guarded(`node ${this.id} during its constructor (${why})`, () => {
        node = new this.module.RaftNode(context);
      });
    } finally {
      this.#inCall = false;
    }
    return node!;
  }

  /** Runs one call into the node; returns what it sent. */
  #call(what: string, fn: (node: RaftNode) => unknown): Sent[] {
    this.#outbox = [];
    this.#inCall = true;
    try {
      guarded(`node ${this.id} during ${what}`, () => fn(this.node));
    } finally {
      this.#inCall = false;
    }
    const out = this.#outbox;
    this.sent.push(...out);
    if (this.#checkDurable === 'every' ? true : this.#checkDurable && out.length > 0) this.expectDurable(`after ${what}, which sent ${out.map((s) => `${describeMessage(s.message)} to ${s.to}`).join('; ')}`);
    return out;
  }

  tick(times = 1): Sent[] {
    const out: Sent[] = [];
    for (let i = 0; i < times; i++) out.push(...this.#call('tick()', (n) => n.tick()));
    return out;
  }

  step(from: NodeId, message: Message): Sent[] {
    return this.#call(`step(${from}, ${describeMessage(message)})`, (n) => n.step(from, structuredClone(message)));
  }

  propose(command: string): ReturnType<RaftNode['propose']> {
    let result: ReturnType<RaftNode['propose']> | undefined;
    this.#call(`propose(${stringify(command)})`, (n) => {
      result = n.propose(command);
    });
    return result!;
  }

  /** Reads an observer with nondeterminism trapped. */
  read<T>(what: (node: RaftNode) => T): T {
    return guarded(`node ${this.id} while the bench read it`, () => what(this.node));
  }

  /**
   * A crash, then a new node on what is left. Without `rng`, the worst crash:
   * every unsynced byte and directory operation is lost. With it, the
   * simulator's crash: torn appends, rewrites reverted or torn, a prefix of
   * the directory operations kept, each choice drawn from `rng`.
   */
  crash(rng?: Rng): void {
    if (rng) {
      this.storage = this.storage.clone();
      this.storage.crash(rng);
    } else {
      this.storage = this.storage.durableCopy();
    }
    this.node = this.#create(this.storage, 'restart');
    if (this.#checkDurable === 'every') this.expectDurable('after the constructor, restarting after a crash');
  }

  /** Throws, with the evidence, unless a node restored from the durable state alone has this node's term, vote and log. */
  expectDurable(when: string): void {
    this.durableChecks++;
    const probe = this.#create(this.storage.durableCopy(), 'durability probe');
    const read = (n: RaftNode) => guarded(`node ${this.id} while the bench read it`, () => ({ term: n.term, votedFor: n.votedFor, log: [...n.log].map((e) => ({ term: e.term, command: e.command })) }));
    const live = read(this.node);
    const restored = read(probe);
    const problems: string[] = [];
    if (restored.term !== live.term) problems.push(`term ${live.term} in memory, ${restored.term} on disk`);
    if (restored.votedFor !== live.votedFor) problems.push(`vote for ${stringify(live.votedFor)} in memory, ${stringify(restored.votedFor)} on disk`);
    if (stringify(restored.log) !== stringify(live.log)) problems.push(`log ${describeLog(live.log)} in memory, ${describeLog(restored.log)} on disk`);
    if (problems.length > 0) {
      throw new Error(
        `raft: ${when}, a crash losing everything unsynced would leave a node that restarts with a different state: ${problems.join('; ')}. ` +
          'Messages promise what they say (a vote, a stored entry, a term): sync term, vote and log before the call that sends them returns (Raft §5.1, Figure 2 "Persistent state"; and syncDirectory() after creating a file).',
      );
    }
  }

  // ------------------------------------------------------------ getting the node into a state

  /** Makes the node a follower of `leader` in `term` holding exactly `log` (delivered by one AppendEntries). */
  follow(leader: NodeId, term: number, log: readonly Entry[] = [], leaderCommit = 0): Sent[] {
    return this.step(leader, { type: 'append-entries', term, prevLogIndex: 0, prevLogTerm: 0, entries: log, leaderCommit });
  }

  /**
   * Ticks until the node starts an election (a candidate in a later term, or
   * at once its leader in a cluster of one), at most `maxTicks` times; returns
   * what that tick sent.
   */
  campaign(maxTicks: number): Sent[] {
    const before = this.read((n) => n.term);
    for (let i = 0; i < maxTicks; i++) {
      const out = this.tick();
      if (this.read((n) => (n.role === 'candidate' || (n.role === 'leader' && this.peers.length === 0)) && n.term > before)) return out;
    }
    throw new Error(`raft: ${this.id} did not become a candidate within ${maxTicks} ticks without hearing from a leader (Raft §5.2)`);
  }

  /** Makes the node leader: campaign, then votes granted by just enough peers. Returns what it sent on winning. */
  win(maxTicks: number): Sent[] {
    this.campaign(maxTicks);
    const term = this.read((n) => n.term);
    const out: Sent[] = [];
    for (const peer of this.peers.slice(0, this.majority - 1)) out.push(...this.step(peer, { type: 'request-vote-reply', term, voteGranted: true }));
    const role = this.read((n) => n.role);
    if (role !== 'leader') throw new Error(`raft: ${this.id} got votes from a majority in term ${term} (itself and ${this.peers.slice(0, this.majority - 1).join(', ')}) but its role is ${role}, not leader (Raft §5.2)`);
    return out;
  }
}
