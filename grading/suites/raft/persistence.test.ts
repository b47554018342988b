/**
 * Task 3 — persistence and crash recovery (Raft Figure 2, "Persistent state
 * on all servers … updated on stable storage before responding to RPCs").
 * The bench's crash is the worst one: everything unsynced is lost. Then whole
 * clusters with crashes at random moments, torn appends and lost directory
 * entries.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { applyAction, actionArb } from './actions';
import { Bench } from './bench';
import { SCENARIOS, checkScenarios, scenarioArb } from './cluster';
import { ELECTION_TICKS, describeApplied, describeLog, describeMessage, entries, raftSuite, type Message } from './support';

const suite = raftSuite();
const MAX_TIMEOUT = 2 * ELECTION_TICKS - 1;
const granted = (sent: readonly { message: Message }[]) => sent.length === 1 && sent[0]!.message.type === 'request-vote-reply' && sent[0]!.message.voteGranted;

suite.task(3, () => {
  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'a granted vote survives a crash: the restarted node refuses another candidate in that term',
      clauses: ['RAFT-3.1'],
      hint: 'Raft Figure 2, "Persistent state on all servers": votedFor is updated on stable storage before responding. Write it, then sync(), before the call that sends the reply returns.',
    },
    () => {
      const bench = new Bench(suite.impl());
      const request = { type: 'request-vote', term: 3, lastLogIndex: 0, lastLogTerm: 0 } as const;
      expect(granted(bench.step('n2', request)), 'n2 asks first').toBe(true);
      bench.crash();
      expect(bench.read((n) => n.votedFor), 'vote after a crash that lost everything unsynced').toBe('n2');
      expect(granted(bench.step('n3', request)), 'n3 asks in the same term, after the crash').toBe(false);
      expect(granted(bench.step('n2', request)), 'n2 asks again').toBe(true);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'the current term survives a crash, whether learned from a message or started by an election',
      clauses: ['RAFT-3.1'],
      hint: 'Raft Figure 2, "Persistent state": currentTerm is on stable storage before any reply or request carrying it leaves; a node that forgets its term can vote twice in it.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 5, entries(5, 1));
      bench.crash();
      expect(bench.read((n) => n.term), 'term learned from AppendEntries, after a crash').toBe(5);
      bench.campaign(MAX_TIMEOUT + 1);
      bench.crash();
      expect(bench.read((n) => n.term), 'term of its own election, after a crash').toBe(6);
      expect(bench.read((n) => n.votedFor), 'its vote for itself, after a crash').toBe('n1');
    },
  );

  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'an acknowledged entry survives a crash, and so does a truncation',
      clauses: ['RAFT-3.1'],
      hint: 'Raft Figure 2: log[] is persistent state; a success reply tells the leader the entries are stored, and the leader may commit on it. Sync the log before replying; after deleting a conflicting suffix too.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 2, [...entries(1, 2), ...entries(2, 2)]);
      bench.crash();
      expect(describeLog(bench.read((n) => n.log)), 'log after a crash').toBe(describeLog([...entries(1, 2), ...entries(2, 2)]));
      bench.step('n3', { type: 'append-entries', term: 3, prevLogIndex: 2, prevLogTerm: 1, entries: entries(3, 1), leaderCommit: 0 });
      bench.crash();
      expect(describeLog(bench.read((n) => n.log)), 'log after a truncation, then a crash').toBe(describeLog([...entries(1, 2), ...entries(3, 1)]));
      expect(bench.read((n) => n.term)).toBe(3);
    },
  );

  suite.test(
    {
      points: 5,
      category: 'faults',
      name: 'whenever a message leaves, the term, vote and log it rests on are already durable',
      clauses: ['RAFT-3.1', 'RAFT-3.4'],
      hint: 'etcd raft: "entries must be saved to stable storage before messages are sent". Every call that sends must end with its state synced, including the directory entry of a file you created (syncDirectory).',
      deadlineMs: 20_000,
    },
    (t) => {
      const { RaftNode } = suite.impl();
      let checked = 0;
      t.check(
        fc.property(fc.array(actionArb, { minLength: 1, maxLength: 40, size: 'max' }), (actions) => {
          const bench = new Bench({ RaftNode }, { checkDurable: true });
          actions.forEach((action, i) => applyAction(bench, action, i));
          checked += bench.durableChecks;
        }),
        { numRuns: 200 },
      );
      expect(checked, 'calls that sent a message, each followed by a look at what a crash would leave').toBeGreaterThan(500);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'faults',
      name: 'a restarted node starts as a follower with commit index 0, ignores replies to what it sent before the crash, and applies again from index 1 as it learns the commit index',
      clauses: ['RAFT-3.2', 'RAFT-3.3'],
      hint: 'raft.ts: commitIndex, lastApplied and the role are volatile (Figure 2, "Volatile state on all servers"); only term, vote and log are restored. The state machine here is volatile too, so it is rebuilt from index 1.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 2, entries(2, 3), 3);
      expect(bench.applied.length, 'applied before the crash').toBe(3);
      bench.crash();
      expect(bench.read((n) => [n.role, n.commitIndex, n.log.length]), 'role, commit index and log length after a restart').toEqual(['follower', 0, 3]);
      bench.step('n2', { type: 'append-entries', term: 2, prevLogIndex: 3, prevLogTerm: 2, entries: [], leaderCommit: 2 });
      expect(bench.applied.slice(3).map(describeApplied), 'applied after the restart, once leaderCommit is 2').toEqual(entries(2, 2).map((e, i) => describeApplied({ type: 'applied', index: i + 1, term: 2, command: e.command })));

      // A leader crashes and restarts a follower in the same term: replies to its AppendEntries still arrive.
      const leader = new Bench(suite.impl());
      leader.follow('n2', 1, entries(1, 2));
      leader.win(MAX_TIMEOUT + 1);
      const term = leader.read((n) => n.term);
      leader.propose('x');
      leader.crash();
      for (const message of [
        { type: 'append-entries-reply', term, success: false, index: 2, lastLogIndex: 1 },
        { type: 'append-entries-reply', term, success: true, index: 3, lastLogIndex: 3 },
        { type: 'append-entries-reply', term, success: true, index: 3, lastLogIndex: 3 },
      ] as const) {
        const sent = leader.step(message.success ? 'n3' : 'n2', message);
        expect(sent.map((s) => s.message.type), `sent by a restarted follower of term ${term} on ${describeMessage(message)}, a reply to what it sent as leader`).toEqual([]);
      }
      expect(leader.read((n) => [n.role, n.commitIndex]), 'role and commit index of that follower after 3 such replies').toEqual(['follower', 0]);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'faults',
      name: 'on 1, 2 and 4 nodes, with crashes, torn appends, lost directory entries and network faults, nothing committed is lost, no term has two leaders, and proposals commit once it heals',
      clauses: ['RAFT-0.10', 'RAFT-0.11', 'RAFT-0.12', 'RAFT-3.1'],
      hint: 'Raft §5.2–§5.4 for every cluster size: a majority is more than half (1 of 1, 2 of 2, 3 of 4), a leader alone commits its own proposals at once, and what it commits must already be on its disk. The failure names the property, the cluster and its fault plan.',
      deadlineMs: 60_000,
    },
    (t) => {
      const seen = checkScenarios(t.check, suite.impl(), scenarioArb(SCENARIOS.small.options, SCENARIOS.small.sizes), SCENARIOS.small.runs);
      expect([...seen.sizes].sort(), 'cluster sizes exercised').toEqual([1, 2, 4]);
      for (const [what, count] of Object.entries({ crashes: seen.crashes, 'messages lost': seen.lost, 'messages blocked by a partition': seen.droppedByPartition, 'entries committed': seen.committed })) {
        expect(count, `${what} over ${seen.runs} runs`).toBeGreaterThan(0);
      }
    },
  );

  suite.test(
    {
      points: 6,
      category: 'faults',
      name: 'on 3, 5 and 7 nodes, with crashes at any moment, torn appends and lost directory entries, nothing committed is lost, no term has two leaders, and the cluster recovers',
      clauses: ['RAFT-0.11', 'RAFT-0.12', 'RAFT-3.1'],
      hint: 'Raft Figure 2, "Persistent state", and §5.1–§5.4. A crash keeps only what was synced (and only files whose directory entry was synced). The failure names the property and shows the crash in the timeline, with what the disk lost.',
      deadlineMs: 60_000,
    },
    (t) => {
      const seen = checkScenarios(
        t.check,
        suite.impl(),
        scenarioArb(SCENARIOS.crashes.options),
        SCENARIOS.crashes.runs,
      );
      expect([...seen.sizes].sort(), 'cluster sizes exercised').toEqual([3, 5, 7]);
      expect(seen.crashes, `crashes over ${seen.runs} runs`).toBeGreaterThan(0);
      expect(seen.committed, `entries committed over ${seen.runs} runs`).toBeGreaterThan(0);
    },
  );
});
