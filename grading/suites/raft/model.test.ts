/**
 * The whole API of one node against a model (model.ts), as mini-lsm checks
 * its engine against a BTreeMap: random but plausible ticks, messages of all
 * four types (duplicated, stale, from higher terms, terms up to
 * Number.MAX_SAFE_INTEGER), proposals of any string, alone or forty in a
 * row, and crashes (the worst one, and the simulator's torn ones), on every
 * cluster size from 1 to 7.
 * After every call, every getter is read twice and compared with the model,
 * what the node sent and applied is checked, and so is its disk.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Rng, type NodeId } from '../../../harness';
import { Bench, type Sent } from './bench';
import { nodeIds } from './cluster';
import { ELECTION_MAX, ELECTION_MIN, RaftModel, type Expected, type Observed } from './model';
import { describeMessage, raftSuite, type Entry, type Message, type RaftModule, type RaftNode } from './support';

const suite = raftSuite();

/** Terms far ahead: past 32-bit integers, and close to the largest safe integer. */
const JUMPS = [2 ** 31 - 1, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER - 100] as const;
/** Commands are opaque strings: empty, with line breaks, quotes, lone surrogates, non-BMP characters. */
const ODD = ['', '\n', '"', '\\', '\ud800', '\udc00x', '😀', '\u2028', ' } {', '\r\n\u0000'] as const;
const commandArb = fc.oneof(
  fc.constantFrom(...ODD),
  fc.string({ unit: fc.constantFrom('a', '\n', '\ud800', '\udfff', '"', '\\', 'é', '😀'), maxLength: 6 }),
  fc.nat({ max: 999 }).map((n) => `c${n}`),
);

type Ahead = number | 'jump0' | 'jump1' | 'jump2';
/** How far a request's term is from the node's: behind it (a stale request), equal, ahead, or far ahead. */
const aheadArb: fc.Arbitrary<Ahead> = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: -2, max: -1 }) },
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom('jump0' as const, 'jump1' as const, 'jump2' as const) },
);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

type Action =
  | { readonly kind: 'tick'; readonly times: number }
  | { readonly kind: 'propose'; readonly command: string }
  | { readonly kind: 'burst'; readonly count: number }
  | { readonly kind: 'crash'; readonly torn: boolean; readonly seed: number }
  | { readonly kind: 'request-vote'; readonly from: number; readonly ahead: Ahead; readonly lastDelta: number; readonly lastTerm: 'mine' | 'request' | number }
  | { readonly kind: 'vote'; readonly from: number; readonly granted: boolean; readonly termDelta: number }
  | { readonly kind: 'votes'; readonly first: number; readonly twice: boolean }
  | { readonly kind: 'acks'; readonly first: number; readonly count: number; readonly at: number; readonly twice: boolean }
  | { readonly kind: 'lead'; readonly first: number; readonly commands: readonly string[]; readonly twice: boolean }
  | { readonly kind: 'append'; readonly ahead: Ahead; readonly at: number; readonly matching: boolean; readonly terms: readonly number[]; readonly commitAhead: number }
  | { readonly kind: 'append-reply'; readonly from: number; readonly success: boolean; readonly at: number; readonly termDelta: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(20)).map((times) => ({ kind: 'tick' as const, times })) },
  { weight: 2, arbitrary: commandArb.map((command) => ({ kind: 'propose' as const, command })) },
  // Many proposals in a row: an AppendEntries carries every entry from nextIndex to the end of the log, however many.
  { weight: 1, arbitrary: fc.integer({ min: 17, max: 40 }).map((count) => ({ kind: 'burst' as const, count })) },
  { weight: 1, arbitrary: fc.record({ torn: fc.boolean(), seed: fc.nat() }).map((a) => ({ kind: 'crash' as const, ...a })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ from: fc.nat(), ahead: aheadArb, lastDelta: fc.integer({ min: -3, max: 3 }), lastTerm: fc.oneof(fc.constantFrom('mine' as const, 'request' as const), fc.integer({ min: 0, max: 5 })) })
      .map((a) => ({ kind: 'request-vote' as const, ...a })),
  },
  { weight: 3, arbitrary: fc.record({ from: fc.nat(), granted: fc.boolean(), termDelta: fc.integer({ min: -1, max: 1 }) }).map((a) => ({ kind: 'vote' as const, ...a })) },
  { weight: 2, arbitrary: fc.record({ first: fc.nat(), twice: fc.boolean() }).map((a) => ({ kind: 'votes' as const, ...a })) },
  { weight: 2, arbitrary: fc.record({ first: fc.nat(), commands: fc.array(commandArb, { minLength: 1, maxLength: 3 }), twice: fc.boolean() }).map((a) => ({ kind: 'lead' as const, ...a })) },
  { weight: 2, arbitrary: fc.record({ first: fc.nat(), count: fc.integer({ min: 1, max: 4 }), at: fc.double({ min: 0.5, max: 1, noNaN: true }), twice: fc.boolean() }).map((a) => ({ kind: 'acks' as const, ...a })) },
  {
    weight: 4,
    arbitrary: fc
      .record({ ahead: aheadArb, at: fraction, matching: fc.boolean(), terms: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }), commitAhead: fc.integer({ min: -2, max: 3 }) })
      .map((a) => ({ kind: 'append' as const, ...a })),
  },
  { weight: 4, arbitrary: fc.record({ from: fc.nat(), success: fc.boolean(), at: fraction, termDelta: fc.integer({ min: -1, max: 1 }) }).map((a) => ({ kind: 'append-reply' as const, ...a })) },
);

const stringify = JSON.stringify;
const show = (sent: readonly Sent[]) => sent.map((s) => `${describeMessage(s.message)} → ${s.to}`).sort().join('; ') || 'nothing';
const observe = (n: RaftNode): Observed => ({ term: n.term, role: n.role, votedFor: n.votedFor, leader: n.leader, commitIndex: n.commitIndex, log: [...n.log].map((e) => [e.term, e.command] as const) });
const termOf = (current: number, ahead: Ahead) => (typeof ahead === 'number' ? Math.max(1, current + ahead) : Math.max(current + 1, JUMPS[Number(ahead.slice(4))]!));
const isStale = (current: number, term: number) => term < current;

/** What the suite saw across runs, for the vacuity checks. */
interface Coverage {
  roles: Set<string>;
  commits: Set<number>;
  /** Cluster sizes on which the node, as leader, committed an entry of its own term. */
  leaderCommits: Set<number>;
  crashes: number;
  tornCrashes: number;
  jumps: number;
  oddCommands: number;
  /** Bursts of proposals to a leader. */
  bursts: number;
  /** Requests of an earlier term than the node's. */
  stale: number;
}

/** One run: a node of a `size`-node cluster, the actions applied to it and to the model, compared after every call. */
function run(module: RaftModule, size: number, actions: readonly Action[], seen: Coverage): void {
  const peers = nodeIds(size).slice(1);
  const bench = new Bench(module, { peers, checkDurable: 'every' });
  const model = new RaftModel('n1', peers);
  const history: string[] = [];
  const where = () => `a node of a ${size}-node cluster, after ${history.length > 8 ? `… ${history.slice(-8).join(', ')}` : history.join(', ') || 'its construction'}`;

  const check = (sent: readonly Sent[], expected: Expected, appliedFrom: number, commitBefore: number, what: string) => {
    history.push(what);
    const first = bench.read(observe);
    const second = bench.read(observe);
    expect(stringify(second), `${where()}: every getter read twice (term, role, votedFor, leader, commitIndex, log)`).toBe(stringify(first));
    expect(first, `${where()}: term, role, votedFor, leader, commitIndex and log, against Figure 2`).toEqual(model.observed());
    expect(bench.applied.slice(appliedFrom).map((a) => stringify([a.type, a.index, a.term, a.command])), `${where()}: entries applied in that call`).toEqual(model.applied.map((a) => stringify([a.type, a.index, a.term, a.command])));
    seen.roles.add(`${size}:${model.role}`);
    if (model.commitIndex > 0) seen.commits.add(size);
    if (model.role === 'leader' && model.commitIndex > commitBefore) seen.leaderCommits.add(size);
    if (expected.kind === 'exactly') {
      expect(show(sent), `${where()}: what it sent`).toBe(show(expected.messages));
      return;
    }
    if (model.role !== 'leader') {
      expect(show(sent), `${where()}: what a ${model.role} sent`).toBe('nothing');
      return;
    }
    for (const { to, message } of sent) {
      const what = `${where()}: ${describeMessage(message)} → ${to}, sent by the leader of term ${model.term} with log length ${model.log.length}, commit index ${model.commitIndex} and matchIndex ${model.match.get(to)} for ${to}`;
      expect(message.type, what).toBe('append-entries');
      if (message.type !== 'append-entries') continue;
      expect(message.term, `${what}: its term`).toBe(model.term);
      expect(message.prevLogIndex, `${what}: prevLogIndex is nextIndex − 1, never below matchIndex`).toBeGreaterThanOrEqual(model.match.get(to) ?? 0);
      expect(message.prevLogIndex, `${what}: prevLogIndex within the leader's log`).toBeLessThanOrEqual(model.log.length);
      expect(message.prevLogTerm, `${what}: prevLogTerm, the term of that entry`).toBe(model.termAt(message.prevLogIndex));
      expect(stringify(message.entries.map((e) => [e.term, e.command])), `${what}: the entries from nextIndex to the end of its log`).toBe(stringify(model.log.slice(message.prevLogIndex).map((e) => [e.term, e.command])));
      expect(message.leaderCommit >= commitBefore && message.leaderCommit <= model.commitIndex, `${what}: leaderCommit is its commit index`).toBe(true);
    }
    if (expected.everyPeer) expect(sent.map((s) => s.to).sort(), `${where()}: recipients of the AppendEntries a leader sends on winning and on every tick`).toEqual([...peers].sort());
  };

  const call = (what: string, fn: () => Sent[], expect: () => Expected) => {
    model.begin();
    const appliedFrom = bench.applied.length;
    const commitBefore = model.commitIndex;
    const sent = fn();
    check(sent, expect(), appliedFrom, commitBefore, what);
  };
  const stepCall = (from: NodeId, message: Message) => call(describeMessage(message).replace(/, entries \[.*\]/, ', entries …') + ` from ${from}`, () => bench.step(from, message), () => model.step(from, message));

  const tick = () => {
    model.begin();
    const appliedFrom = bench.applied.length;
    const commitBefore = model.commitIndex;
    const sent = bench.tick();
    const now = bench.read((n) => ({ role: n.role, term: n.term }));
    let expected: Expected;
    if (model.role !== 'leader' && now.term === model.term + 1 && now.role !== 'follower') {
      const ticks = model.elapsed + 1;
      expect(ticks >= ELECTION_MIN && ticks <= ELECTION_MAX, `${where()}: it started an election on tick ${ticks} since its election timer was last reset; the timeout is 10 to 19 ticks`).toBe(true);
      expected = model.startElection();
    } else {
      expected = model.idleTick();
      expect(model.role === 'leader' || model.elapsed < ELECTION_MAX, `${where()}: ${ELECTION_MAX} ticks since its election timer was last reset (construction, an election started, a vote granted, AppendEntries from the current leader, or stepping down as leader), and still a ${model.role}`).toBe(true);
    }
    check(sent, expected, appliedFrom, commitBefore, 'tick');
  };
  const propose = (command: string) => {
    if (command.length === 0 || /[^a-z0-9]/.test(command)) seen.oddCommands++;
    let result: ReturnType<RaftNode['propose']> | undefined;
    let want: ReturnType<RaftModel['propose']> | undefined;
    call(
      `propose(${stringify(command)})`,
      () => {
        const before = bench.sent.length;
        result = bench.propose(command);
        return bench.sent.slice(before);
      },
      () => (want = model.propose(command)).expected,
    );
    expect(result, `${where()}: what propose returned`).toEqual(want!.result);
    // The caller owns what it got back: changing it changes nothing in the node (the next reads and calls show it).
    for (const [key, value] of [['ok', false], ['index', -1], ['term', -1], ['leader', 'n9']] as const) if (result && typeof result === 'object') Reflect.set(result, key, value);
    expect(bench.read(observe), `${where()}, and the caller then changed every field of the object propose returned`).toEqual(model.observed());
  };

  check([], { kind: 'exactly', messages: [] }, 0, 0, 'its construction');
  for (const action of actions) {
    const peer = (k: number) => peers[k % peers.length]!;
    switch (action.kind) {
      case 'tick':
        for (let i = 0; i < action.times; i++) tick();
        break;
      case 'lead': {
        // Campaign, win with just enough distinct votes, propose, and collect just enough acknowledgements, each maybe twice.
        for (let i = 0; i <= ELECTION_MAX && model.role === 'follower'; i++) tick();
        const need = Math.floor(size / 2);
        for (let i = 0; i < need && model.role === 'candidate'; i++) for (let k = 0; k < (action.twice ? 2 : 1); k++) stepCall(peer(action.first + i), { type: 'request-vote-reply', term: model.term, voteGranted: true });
        if (model.role !== 'leader') break;
        for (const command of action.commands) propose(command);
        for (let i = 0; i < need; i++) for (let k = 0; k < (action.twice ? 2 : 1); k++) stepCall(peer(action.first + i), { type: 'append-entries-reply', term: model.term, success: true, index: model.log.length, lastLogIndex: model.log.length });
        break;
      }
      case 'propose':
        propose(action.command);
        break;
      case 'burst':
        for (let i = 0; i < action.count; i++) propose(`b${model.log.length + 1}`);
        if (model.role === 'leader') seen.bursts++;
        break;
      case 'crash': {
        seen.crashes++;
        if (action.torn) seen.tornCrashes++;
        model.begin();
        model.restart();
        const appliedFrom = bench.applied.length;
        bench.crash(action.torn ? Rng.stream(action.seed, 'crash') : undefined);
        check([], { kind: 'exactly', messages: [] }, appliedFrom, 0, action.torn ? 'a crash (torn appends, rewrites and directory operations, at random)' : 'the worst crash (everything unsynced lost)');
        break;
      }
      case 'request-vote': {
        if (peers.length === 0) break;
        if (typeof action.ahead !== 'number') seen.jumps++;
        const term = termOf(model.term, action.ahead);
        if (isStale(model.term, term)) seen.stale++;
        const lastLogIndex = Math.max(0, model.log.length + action.lastDelta);
        const wanted = action.lastTerm === 'mine' ? model.termAt(model.log.length) : action.lastTerm === 'request' ? term : action.lastTerm;
        const lastLogTerm = lastLogIndex === 0 ? 0 : Math.max(1, Math.min(term, wanted));
        stepCall(peer(action.from), { type: 'request-vote', term, lastLogIndex, lastLogTerm });
        break;
      }
      case 'vote': {
        if (peers.length === 0) break;
        const term = model.term + action.termDelta;
        if (term < 1) break;
        // A voter in a higher term refused; in the current or an earlier term, either answer.
        stepCall(peer(action.from), { type: 'request-vote-reply', term, voteGranted: action.granted && action.termDelta <= 0 });
        break;
      }
      case 'votes': {
        // Granted votes of the current term from just enough distinct peers for a majority, each maybe twice.
        if (model.role !== 'candidate') break;
        const need = Math.floor(size / 2);
        for (let i = 0; i < need; i++) {
          const from = peer(action.first + i);
          for (let k = 0; k < (action.twice ? 2 : 1); k++) stepCall(from, { type: 'request-vote-reply', term: model.term, voteGranted: true });
        }
        break;
      }
      case 'acks': {
        // Success replies of the current term from `count` distinct peers, for one index of the leader's log, each maybe twice.
        if (model.role !== 'leader') break;
        const index = Math.min(model.log.length, Math.floor(action.at * (model.log.length + 1)));
        for (let i = 0; i < Math.min(action.count, peers.length); i++) {
          const from = peer(action.first + i);
          for (let k = 0; k < (action.twice ? 2 : 1); k++) stepCall(from, { type: 'append-entries-reply', term: model.term, success: true, index, lastLogIndex: index });
        }
        break;
      }
      case 'append': {
        if (peers.length === 0) break;
        if (typeof action.ahead !== 'number') seen.jumps++;
        const term = termOf(model.term, action.ahead);
        // One leader per term: this node, or this peer.
        if (model.ledTerms.has(term)) break;
        if (isStale(model.term, term)) seen.stale++;
        const leader = peers[term % peers.length]!;
        const prevLogIndex = Math.min(model.log.length, Math.floor(action.at * (model.log.length + 1)));
        const matching = action.matching || prevLogIndex === 0;
        const prevLogTerm = matching ? model.termAt(prevLogIndex) : Math.min(term, model.termAt(prevLogIndex) + 1);
        if (!matching && prevLogTerm === model.termAt(prevLogIndex)) break;
        let last = Math.max(prevLogTerm, 1);
        const list: Entry[] = action.terms.map((up, i) => {
          last = Math.min(term, last + up);
          const index = prevLogIndex + i + 1;
          return { term: last, command: `e${term}-${index}${ODD[(term + index) % ODD.length]}` };
        });
        const leaderCommit = Math.max(0, prevLogIndex + list.length + action.commitAhead);
        stepCall(leader, { type: 'append-entries', term, prevLogIndex, prevLogTerm, entries: list, leaderCommit });
        break;
      }
      case 'append-reply': {
        if (peers.length === 0 || model.role !== 'leader') break;
        const term = model.term + action.termDelta;
        if (term < 1) break;
        const index = Math.min(model.log.length, Math.floor(action.at * (model.log.length + 1)));
        const success = action.success && action.termDelta <= 0;
        stepCall(peer(action.from), { type: 'append-entries-reply', term, success, index: success ? index : Math.max(1, index), lastLogIndex: success ? index : Math.max(0, index - 1) });
        break;
      }
      default: {
        const unreachable: never = action;
        throw new Error(`raft suite: unknown action ${stringify(unreachable)}`);
      }
    }
  }
}

const SIZES = [1, 2, 3, 4, 5, 7] as const;

// Part 2 of task 2: the whole API against a model comes after the rules one at a time (replication.test.ts).
suite.task(2, () => {
  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'the whole API against a model of Figure 2, on 1 to 7 nodes: every getter read twice after every call, every reply, every AppendEntries, every entry applied, and the disk after every call and crash',
      clauses: ['RAFT-0.1', 'RAFT-0.2', 'RAFT-0.3', 'RAFT-0.4', 'RAFT-0.5', 'RAFT-0.6', 'RAFT-0.7', 'RAFT-0.8', 'RAFT-0.10', 'RAFT-1.1', 'RAFT-1.3', 'RAFT-1.4', 'RAFT-1.5', 'RAFT-1.6', 'RAFT-1.7', 'RAFT-1.9', 'RAFT-1.10', 'RAFT-1.11', 'RAFT-2.1', 'RAFT-2.2', 'RAFT-2.4', 'RAFT-2.6', 'RAFT-2.8', 'RAFT-2.9', 'RAFT-2.10', 'RAFT-2.11', 'RAFT-2.12', 'RAFT-2.13', 'RAFT-3.1', 'RAFT-3.2', 'RAFT-3.3', 'RAFT-3.4'],
      hint: 'The failure names the cluster size, the last calls and the first thing that differs from Figure 2 as the README states it. Replay it, then reproduce it by hand on the bench of raft.test.ts.',
      deadlineMs: 30_000,
    },
    (t) => {
      const { RaftNode } = suite.impl();
      const seen: Coverage = { roles: new Set(), commits: new Set(), leaderCommits: new Set(), crashes: 0, tornCrashes: 0, jumps: 0, oddCommands: 0, bursts: 0, stale: 0 };
      t.check(
        fc.property(fc.constantFrom(...SIZES), fc.array(actionArb, { minLength: 1, maxLength: 30, size: 'max' }), (size, actions) => run({ RaftNode }, size, actions, seen)),
        { numRuns: 150 },
      );
      for (const size of SIZES) {
        for (const role of size === 1 ? ['follower', 'leader'] : ['follower', 'candidate', 'leader']) expect(seen.roles.has(`${size}:${role}`), `runs of a ${size}-node cluster in which the node was a ${role}`).toBe(true);
      }
      expect([...seen.commits].sort(), 'cluster sizes on which the node committed something').toEqual([...SIZES]);
      expect([...seen.leaderCommits].sort(), 'cluster sizes on which the node committed something as leader').toEqual([...SIZES]);
      for (const [what, count] of Object.entries(seen)) if (typeof count === 'number') expect(count, `${what} over all runs`).toBeGreaterThan(0);
    },
  );
}, { part: 2 });
