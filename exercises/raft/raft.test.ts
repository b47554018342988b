/**
 * Visible tests: a few worked examples of the contract, to read before you
 * start. They earn no points; the hidden suite (grading/suites/raft) does, and
 * `npm test` runs both. `@impl/raft` is your raft.ts; `@impl/raft/protocol` is
 * the provided protocol.ts.
 *
 * The first tests feed one node messages and ticks by hand, one rule of
 * Figure 2 at a time; the last runs a whole cluster in the simulator.
 */
import { describe, expect, test } from 'vitest';
import { RaftNode } from '@impl/raft';
import { ELECTION_TICKS, type Applied, type Entry, type Message } from '@impl/raft/protocol';
import { Rng, SimStorage, simulate, type NodeContext, type NodeId } from '@faultline/harness';

/** One node of a five-node cluster, on the bench: what it sends and applies is collected, nothing is delivered. */
function bench(storage = new SimStorage()) {
  const sent: { to: NodeId; message: Message }[] = [];
  const applied: Applied[] = [];
  const ctx: NodeContext<Message, Applied> = {
    id: 'n1',
    peers: ['n2', 'n3', 'n4', 'n5'],
    rng: Rng.stream(1, 'visible/n1'),
    clock: { now: () => 0 },
    monotonic: { now: () => 0 },
    storage,
    send: (to, message) => sent.push({ to, message: structuredClone(message) }),
    emit: (output) => applied.push(structuredClone(output)),
  };
  return { node: new RaftNode(ctx), sent, applied, storage };
}

/** Ticks until the node starts an election, at most 19 times (the longest election timeout). */
function campaign(node: RaftNode): number {
  let ticks = 0;
  while (node.role === 'follower' && ticks < 2 * ELECTION_TICKS - 1) (node.tick(), ticks++);
  return ticks;
}

/** A log as term:command, whatever else its entries hold. */
const entries = (log: readonly Entry[]): string[] => log.map((e) => `${e.term}:${e.command}`);

const appendEntries = (term: number, prevLogIndex: number, prevLogTerm: number, list: Entry[], leaderCommit = 0): Message => ({
  type: 'append-entries',
  term,
  prevLogIndex,
  prevLogTerm,
  entries: list,
  leaderCommit,
});

describe('task 1: leader election', () => {
  test('a follower that hears from no leader becomes a candidate within 10 to 19 ticks and asks every peer for a vote', () => {
    const { node, sent } = bench();
    const ticks = campaign(node);
    expect(node.role).toBe('candidate');
    expect(ticks).toBeGreaterThanOrEqual(ELECTION_TICKS); // the timeout is drawn from ctx.rng in [10, 19]
    expect([node.term, node.votedFor]).toEqual([1, 'n1']); // a new term, and its own vote
    expect(sent.map((s) => s.to).sort()).toEqual(['n2', 'n3', 'n4', 'n5']); // every peer once, in any order
    for (const s of sent) expect(s.message).toEqual({ type: 'request-vote', term: 1, lastLogIndex: 0, lastLogTerm: 0 });
  });

  test('a vote is refused to a candidate whose log is less up to date, and granted to one whose log is at least as up to date', () => {
    const { node, sent } = bench();
    node.step('n2', appendEntries(2, 0, 0, [{ term: 1, command: 'a' }, { term: 2, command: 'b' }])); // n1's log ends at index 2, term 2
    sent.length = 0;
    // n3's log is longer, but its last entry is from term 1: older, so less up to date (Raft §5.4.1).
    node.step('n3', { type: 'request-vote', term: 3, lastLogIndex: 5, lastLogTerm: 1 });
    // n4's log ends where n1's does: at least as up to date. n1 has not voted in term 3, so it grants.
    node.step('n4', { type: 'request-vote', term: 3, lastLogIndex: 2, lastLogTerm: 2 });
    expect(sent).toEqual([
      { to: 'n3', message: { type: 'request-vote-reply', term: 3, voteGranted: false } },
      { to: 'n4', message: { type: 'request-vote-reply', term: 3, voteGranted: true } },
    ]);
    expect([node.term, node.votedFor, node.role]).toEqual([3, 'n4', 'follower']);
  });
});

describe('task 2: log replication', () => {
  test('a follower rejects AppendEntries whose previous entry does not match, and accepts the retry one entry earlier', () => {
    const { node, sent } = bench();
    const log: Entry[] = [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 2, command: 'c' }];
    node.step('n2', appendEntries(2, 0, 0, log));
    sent.length = 0;
    // A new leader, of term 3, believes index 3 holds its own 3:"x"; n1 holds 2:"c" there.
    node.step('n3', appendEntries(3, 3, 3, [{ term: 3, command: 'y' }]));
    expect(sent).toEqual([{ to: 'n3', message: { type: 'append-entries-reply', term: 3, success: false, index: 3, lastLogIndex: 3 } }]);
    expect(entries(node.log)).toEqual(['1:a', '1:b', '2:c']); // a rejection changes nothing
    // The leader steps back: its entries from index 3 on, after index 2 of term 1, which matches.
    node.step('n3', appendEntries(3, 2, 1, [{ term: 3, command: 'x' }, { term: 3, command: 'y' }]));
    expect(sent[1]).toEqual({ to: 'n3', message: { type: 'append-entries-reply', term: 3, success: true, index: 4, lastLogIndex: 4 } });
    // 2:"c" conflicted with 3:"x" (same index, another term): it and everything after it were replaced.
    expect(entries(node.log)).toEqual(['1:a', '1:b', '3:x', '3:y']);
  });

  test('a leader commits its entry once a majority stores it, and applies it', () => {
    const { node, sent, applied } = bench();
    campaign(node);
    const term = node.term;
    node.step('n2', { type: 'request-vote-reply', term, voteGranted: true });
    node.step('n3', { type: 'request-vote-reply', term, voteGranted: true }); // n1, n2, n3: 3 of 5
    expect(node.role).toBe('leader');
    expect(sent.filter((s) => s.message.type === 'append-entries').map((s) => s.to).sort()).toEqual(['n2', 'n3', 'n4', 'n5']);

    expect(node.propose('x')).toEqual({ ok: true, index: 1, term });
    node.step('n4', { type: 'append-entries-reply', term, success: true, index: 1, lastLogIndex: 1 });
    expect(node.commitIndex).toBe(0); // stored on n1 and n4: 2 of 5
    node.step('n5', { type: 'append-entries-reply', term, success: true, index: 1, lastLogIndex: 1 });
    expect(node.commitIndex).toBe(1); // 3 of 5
    expect(applied).toEqual([{ type: 'applied', index: 1, term, command: 'x' }]);
  });
});

describe('task 3: persistence', () => {
  test('a granted vote is durable before the reply leaves: a node restarted from what was synced refuses a second candidate', () => {
    const { node, sent, storage } = bench();
    node.step('n2', { type: 'request-vote', term: 1, lastLogIndex: 0, lastLogTerm: 0 });
    expect(sent).toEqual([{ to: 'n2', message: { type: 'request-vote-reply', term: 1, voteGranted: true } }]);
    // The worst crash: everything not synced (file contents, and new files' directory entries) is lost.
    const restarted = bench(storage.durableCopy());
    expect([restarted.node.term, restarted.node.votedFor, restarted.node.role]).toEqual([1, 'n2', 'follower']);
    restarted.node.step('n3', { type: 'request-vote', term: 1, lastLogIndex: 0, lastLogTerm: 0 });
    expect(restarted.sent).toEqual([{ to: 'n3', message: { type: 'request-vote-reply', term: 1, voteGranted: false } }]);
  });
});

describe('a cluster in the simulator', () => {
  test('three nodes on a reliable network elect one leader and apply every proposal on every node, in order', () => {
    const ids = ['n1', 'n2', 'n3'];
    const nodes = new Map<NodeId, RaftNode>();
    const refused: { by: NodeId; leader: NodeId | undefined }[] = [];
    const result = simulate(1, {
      nodes: ids,
      create: (ctx: NodeContext<Message, Applied>) => {
        const node = new RaftNode(ctx);
        nodes.set(ctx.id, node);
        return node;
      },
      durationMs: 7000, // every node ticks every 100 ms; the first election is over within about 2 s
      // Each command is proposed to every node at once; only the leader accepts it.
      workload: ['x', 'y'].flatMap((command, i) => ids.map((node) => ({ atMs: 5000 + 500 * i, node, op: { node, command } }))),
      invoke: (node, op: { node: NodeId; command: string }) => {
        const answer = node.propose(op.command);
        if (!answer.ok) refused.push({ by: op.node, leader: answer.leader });
      },
    });
    const leaders = ids.filter((id) => nodes.get(id)!.role === 'leader');
    expect(leaders).toHaveLength(1);
    const leader = leaders[0]!;
    expect(ids.map((id) => nodes.get(id)!.leader)).toEqual([leader, leader, leader]);
    const followers = ids.filter((id) => id !== leader);
    expect(refused).toEqual([...followers, ...followers].map((by) => ({ by, leader }))); // followers name the leader
    for (const id of ids) {
      const applied = result.outputs.filter((o) => o.node === id).map((o) => `${o.output.index} ${o.output.command}`);
      expect(applied, `applied on ${id}`).toEqual(['1 x', '2 y']);
    }
  });
});
