/**
 * Task 1 — leader election (Raft §5.1, §5.2, §5.4.1). Rule tests feed one node
 * crafted messages and ticks, one rule of Figure 2 per test, as etcd's
 * raft_paper_test.go does; then whole clusters under faults.
 */
import { expect } from 'vitest';
import { Bench } from './bench';
import { SCENARIOS, checkScenarios, firstHeartbeat, nodeIds, runCluster, scenarioArb } from './cluster';
import { ELECTION_TICKS, describeMessage, entries, raftSuite } from './support';

const suite = raftSuite();
const MAX_TIMEOUT = 2 * ELECTION_TICKS - 1;
/** What a call sent, in a canonical order: a node may send to its peers in any order. */
const show = (sent: readonly { to: string; message: Parameters<typeof describeMessage>[0] }[]) => sent.map((s) => `${describeMessage(s.message)} → ${s.to}`).sort().join('; ') || 'nothing';

suite.task(1, () => {
  suite.test(
    {
      points: 1,
      category: 'correctness',
      name: 'election timeouts come from ctx.rng: nodes with different random streams time out on different ticks',
      clauses: ['RAFT-1.2'],
      hint: 'Raft §5.2: randomised timeouts make split votes rare. Draw each timeout with ctx.rng.int(ELECTION_TICKS, 2 * ELECTION_TICKS - 1), never a constant.',
    },
    () => {
      const timeouts = new Set<number>();
      for (let seed = 1; seed <= 40; seed++) {
        const bench = new Bench(suite.impl(), { seed });
        let ticks = 0;
        while (bench.read((n) => n.role) === 'follower' && ticks <= MAX_TIMEOUT) (bench.tick(), ticks++);
        expect(ticks, `ticks until the election started (random stream ${seed})`).toBeGreaterThanOrEqual(ELECTION_TICKS);
        expect(ticks, `ticks until the election started (random stream ${seed})`).toBeLessThanOrEqual(MAX_TIMEOUT);
        timeouts.add(ticks);
      }
      expect(timeouts.size, `distinct timeouts over 40 random streams: ${[...timeouts].sort((a, b) => a - b).join(', ')}`).toBeGreaterThanOrEqual(5);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a follower that hears from no leader starts an election within 10 to 19 ticks: next term, a vote for itself, a RequestVote to every peer',
      clauses: ['RAFT-1.1', 'RAFT-0.2', 'RAFT-0.4'],
      hint: 'Raft §5.2 and Figure 2, "Rules for Servers", Followers and Candidates; protocol.ts ELECTION_TICKS: draw the timeout from ctx.rng in [10, 19] each time the timer resets.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 3, entries(2, 2));
      let ticks = 0;
      let sent = bench.tick();
      for (ticks = 1; bench.read((n) => n.role) === 'follower' && ticks <= MAX_TIMEOUT; ticks++) sent = bench.tick();
      expect(bench.read((n) => n.role), `role after ${MAX_TIMEOUT} ticks without a leader`).toBe('candidate');
      expect(ticks, 'ticks until the election started').toBeGreaterThanOrEqual(ELECTION_TICKS);
      expect(bench.read((n) => n.term), 'term of the new election').toBe(4);
      expect(bench.read((n) => n.votedFor), 'a candidate votes for itself').toBe('n1');
      expect(show(sent), 'what the candidate sent').toBe(show(['n2', 'n3', 'n4', 'n5'].map((to) => ({ to, message: { type: 'request-vote', term: 4, lastLogIndex: 2, lastLogTerm: 2 } }))));
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'a candidate with votes from a majority becomes leader and at once sends AppendEntries to every peer',
      clauses: ['RAFT-1.9', 'RAFT-0.5', 'RAFT-0.10'],
      hint: 'Raft §5.2: "Once a candidate wins an election, it becomes leader. It then sends heartbeat messages to all of the other servers." The candidate’s own vote counts.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 1, entries(1, 3), 0);
      bench.campaign(MAX_TIMEOUT + 1);
      const after1 = bench.step('n3', { type: 'request-vote-reply', term: 2, voteGranted: true });
      expect(bench.read((n) => n.role), 'role with 2 of 5 votes (itself and n3)').toBe('candidate');
      expect(show(after1), 'sent with 2 of 5 votes').toBe('nothing');
      const sent = bench.step('n5', { type: 'request-vote-reply', term: 2, voteGranted: true });
      expect(bench.read((n) => n.role), 'role with 3 of 5 votes').toBe('leader');
      expect(bench.read((n) => n.leader), 'a leader names itself as leader').toBe('n1');
      const appends = sent.filter((s) => s.message.type === 'append-entries');
      expect(appends.map((s) => s.to).sort(), `AppendEntries sent on winning: ${show(sent)}`).toEqual(['n2', 'n3', 'n4', 'n5']);
      for (const s of appends) expect(s.message.term, `term of ${describeMessage(s.message)}`).toBe(2);

      // An even cluster: 2 of 4 is half, not a majority.
      const four = new Bench(suite.impl(), { peers: ['n2', 'n3', 'n4'] });
      four.campaign(MAX_TIMEOUT + 1);
      four.step('n3', { type: 'request-vote-reply', term: 1, voteGranted: true });
      expect(four.read((n) => n.role), 'role in a four-node cluster with 2 of 4 votes (itself and n3)').toBe('candidate');
      four.step('n4', { type: 'request-vote-reply', term: 1, voteGranted: true });
      expect(four.read((n) => n.role), 'role in a four-node cluster with 3 of 4 votes').toBe('leader');

      // Two nodes need both votes; seven need four.
      for (const size of [2, 3, 7]) {
        const peers = ['n2', 'n3', 'n4', 'n5', 'n6', 'n7'].slice(0, size - 1);
        const other = new Bench(suite.impl(), { peers });
        other.campaign(MAX_TIMEOUT + 1);
        const need = Math.floor(size / 2) + 1;
        for (const [i, peer] of peers.slice(0, need - 1).entries()) {
          expect(other.read((n) => n.role), `role in a ${size}-node cluster with ${i + 1} of ${size} votes`).toBe('candidate');
          const won = other.step(peer, { type: 'request-vote-reply', term: 1, voteGranted: true });
          if (i === need - 2) expect(won.filter((s) => s.message.type === 'append-entries').map((s) => s.to).sort(), `AppendEntries sent on winning ${need} of ${size} votes: ${show(won)}`).toEqual(peers);
        }
        expect(other.read((n) => [n.role, n.leader]), `role and leader in a ${size}-node cluster with ${need} of ${size} votes`).toEqual(['leader', 'n1']);
      }

      // A cluster of one: its own vote is a majority, so it wins as it starts the election.
      const alone = new Bench(suite.impl(), { peers: [] });
      let ticks = 0;
      while (alone.read((n) => n.role) === 'follower' && ticks <= MAX_TIMEOUT) (alone.tick(), ticks++);
      expect(alone.read((n) => [n.role, n.term, n.leader]), `role, term and leader of a one-node cluster after ${ticks} ticks`).toEqual(['leader', 1, 'n1']);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a candidate whose election times out without a winner starts another, in the next term',
      clauses: ['RAFT-1.11', 'RAFT-1.9'],
      hint: 'Raft §5.2: "If many followers become candidates at the same time, votes could be split… each candidate will time out and start a new election by incrementing its term".',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.campaign(MAX_TIMEOUT + 1);
      expect(bench.read((n) => n.term)).toBe(1);
      bench.step('n2', { type: 'request-vote-reply', term: 1, voteGranted: false });
      bench.step('n3', { type: 'request-vote-reply', term: 1, voteGranted: true });
      let ticks = 0;
      let sent = bench.tick();
      for (ticks = 1; bench.read((n) => n.term) === 1 && ticks <= MAX_TIMEOUT; ticks++) sent = bench.tick();
      expect(bench.read((n) => n.term), `term after ${ticks} more ticks without a winner`).toBe(2);
      expect(ticks, 'ticks until the second election').toBeGreaterThanOrEqual(ELECTION_TICKS);
      expect(bench.read((n) => n.role)).toBe('candidate');
      expect(sent.filter((s) => s.message.type === 'request-vote' && s.message.term === 2).map((s) => s.to).sort(), show(sent)).toEqual(['n2', 'n3', 'n4', 'n5']);
      // Votes from the first election do not carry over.
      bench.step('n4', { type: 'request-vote-reply', term: 2, voteGranted: true });
      expect(bench.read((n) => n.role), 'role with itself and n4 in term 2 (n3 voted in term 1 only)').toBe('candidate');
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'a node that sees a higher term in any message adopts it, forgets its vote and becomes a follower',
      clauses: ['RAFT-1.4', 'RAFT-0.4', 'RAFT-0.5'],
      hint: 'Raft §5.1 and Figure 2, "Rules for Servers": "If RPC request or response contains term T > currentTerm: set currentTerm = T, convert to follower". Replies count too.',
    },
    () => {
      const messages = [
        { type: 'request-vote', term: 7, lastLogIndex: 0, lastLogTerm: 0 },
        { type: 'request-vote-reply', term: 7, voteGranted: false },
        { type: 'append-entries-reply', term: 7, success: false, index: 0, lastLogIndex: 0 },
        { type: 'append-entries', term: 7, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 },
      ] as const;
      for (const start of ['candidate', 'leader'] as const) {
        for (const message of messages) {
          const bench = new Bench(suite.impl());
          bench.follow('n2', 1, entries(1, 2));
          if (start === 'leader') bench.win(MAX_TIMEOUT + 1);
          else bench.campaign(MAX_TIMEOUT + 1);
          bench.step('n4', message);
          const what = `a ${start} of term 2 after ${describeMessage(message)} from n4`;
          expect(bench.read((n) => n.term), `term of ${what}`).toBe(7);
          expect(bench.read((n) => n.role), `role of ${what}`).toBe('follower');
          if (message.type !== 'request-vote') expect(bench.read((n) => n.votedFor), `vote of ${what}`).toBeUndefined();
          expect(bench.read((n) => n.leader), `leader known to ${what}: the sender of an AppendEntries, else unknown`).toBe(message.type === 'append-entries' ? 'n4' : undefined);
        }
      }
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'a request from an earlier term is refused and answered with the current term',
      clauses: ['RAFT-1.5', 'RAFT-0.7', 'RAFT-2.9'],
      hint: 'Raft §5.1 and Figure 2: "Reply false if term < currentTerm" — for RequestVote and for AppendEntries, and the reply carries currentTerm so the sender steps down. A refused AppendEntries, stale or not, answers index = prevLogIndex and lastLogIndex = the length of the follower\u2019s log.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 5, entries(5, 2));
      const vote = bench.step('n3', { type: 'request-vote', term: 4, lastLogIndex: 9, lastLogTerm: 4 });
      expect(show(vote)).toBe(show([{ to: 'n3', message: { type: 'request-vote-reply', term: 5, voteGranted: false } }]));
      // Stale AppendEntries whose prevLogIndex lies inside the log, at its end, and past it: the refusal carries that prevLogIndex.
      for (const prevLogIndex of [1, 2, 7, 0]) {
        const append = bench.step('n4', { type: 'append-entries', term: 4, prevLogIndex, prevLogTerm: prevLogIndex === 0 ? 0 : 4, entries: entries(4, 1), leaderCommit: 3 });
        expect(show(append), `the reply to an AppendEntries of term 4 with prevLogIndex ${prevLogIndex}, at a follower of term 5 with 2 entries`).toBe(
          show([{ to: 'n4', message: { type: 'append-entries-reply', term: 5, success: false, index: prevLogIndex, lastLogIndex: 2 } }]),
        );
      }
      expect(bench.read((n) => n.log.length), 'log length after a stale AppendEntries').toBe(2);
      expect(bench.read((n) => n.commitIndex), 'commit index after a stale AppendEntries').toBe(0);
      expect(bench.read((n) => n.leader), 'the leader of term 5').toBe('n2');
      expect(bench.read((n) => n.votedFor), 'vote in term 5').toBeUndefined();

      // However up to date its log, a candidate of an earlier term gets no vote.
      const voter = new Bench(suite.impl());
      voter.follow('n2', 5, entries(2, 2));
      const stale = voter.step('n3', { type: 'request-vote', term: 4, lastLogIndex: 3, lastLogTerm: 4 });
      expect(show(stale), "voter of term 5 whose log ends at 2@2; candidate of term 4 whose log ends at 3@4").toBe(show([{ to: 'n3', message: { type: 'request-vote-reply', term: 5, voteGranted: false } }]));
      expect(voter.read((n) => n.votedFor), 'vote in term 5 after a RequestVote of term 4').toBeUndefined();
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'replies from an earlier term are ignored: old votes do not elect a candidate, old acknowledgements do not commit',
      clauses: ['RAFT-1.6'],
      hint: 'Raft §5.1: a reply carries the term of the request it answers; one from an earlier term answers an old request and must not count — neither a vote nor an acknowledgement (compare reply.term with currentTerm before counting).',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.campaign(MAX_TIMEOUT + 1);
      bench.campaign(MAX_TIMEOUT + 1);
      expect(bench.read((n) => n.term), 'term after two elections').toBe(2);
      for (const peer of ['n2', 'n3', 'n4', 'n5']) bench.step(peer, { type: 'request-vote-reply', term: 1, voteGranted: true });
      expect(bench.read((n) => n.role), 'role after 4 votes granted in term 1, while campaigning in term 2').toBe('candidate');

      // A leader of term 3 with a new entry: acknowledgements from term 2 answer requests of an older leadership.
      const leader = new Bench(suite.impl());
      leader.follow('n2', 2, []);
      leader.win(MAX_TIMEOUT + 1);
      const term = leader.read((n) => n.term);
      leader.propose('a');
      for (const peer of ['n2', 'n3', 'n4', 'n5']) leader.step(peer, { type: 'append-entries-reply', term: term - 1, success: true, index: 1, lastLogIndex: 1 });
      expect(leader.read((n) => n.commitIndex), `commit index of the leader of term ${term} after 4 success replies of term ${term - 1} for index 1`).toBe(0);
      leader.step('n3', { type: 'append-entries-reply', term, success: true, index: 1, lastLogIndex: 1 });
      leader.step('n4', { type: 'append-entries-reply', term, success: true, index: 1, lastLogIndex: 1 });
      expect(leader.read((n) => n.commitIndex), `commit index after 2 success replies of term ${term}`).toBe(1);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a granted vote counts once per voter, and only for a candidate of its term: duplicated votes do not elect, and late ones change nothing for a follower or a leader',
      clauses: ['RAFT-1.9', 'RAFT-1.11', 'RAFT-0.10'],
      hint: 'Raft §5.2: a candidate wins with votes from a majority of the servers, not a majority of replies; the network duplicates them. Count voters in a Set, only while you are a candidate of the reply’s term, and never become leader a second time.',
    },
    () => {
      // Duplicates: the same voter three times is one vote (5 nodes: 3 needed; 4 nodes: 3 needed).
      for (const peers of [['n2', 'n3', 'n4', 'n5'], ['n2', 'n3', 'n4']]) {
        const bench = new Bench(suite.impl(), { peers });
        bench.campaign(MAX_TIMEOUT + 1);
        for (let i = 0; i < 3; i++) bench.step('n2', { type: 'request-vote-reply', term: 1, voteGranted: true });
        bench.step('n3', { type: 'request-vote-reply', term: 1, voteGranted: false });
        bench.step('n3', { type: 'request-vote-reply', term: 1, voteGranted: false });
        expect(bench.read((n) => [n.role, n.role]), `role in a ${peers.length + 1}-node cluster after n2's granted vote three times and n3's refusal twice`).toEqual(['candidate', 'candidate']);
        bench.step('n4', { type: 'request-vote-reply', term: 1, voteGranted: true });
        expect(bench.read((n) => [n.role, n.leader, n.leader]), `role and leader after n4's vote too`).toEqual(['leader', 'n1', 'n1']);
      }

      // Late votes: a candidate of term 2 that hears from the leader of term 2 is a follower; votes for it then change nothing.
      const follower = new Bench(suite.impl());
      follower.campaign(MAX_TIMEOUT + 1);
      follower.campaign(MAX_TIMEOUT + 1);
      follower.step('n3', { type: 'append-entries', term: 2, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
      const late = ['n2', 'n4', 'n5', 'n2'].flatMap((peer) => follower.step(peer, { type: 'request-vote-reply', term: 2, voteGranted: true }));
      expect(follower.read((n) => [n.role, n.leader, n.term, n.votedFor]), 'role, leader, term and vote of a follower of n3 in term 2 after late votes of term 2 from n2, n4, n5 and n2 again').toEqual(['follower', 'n3', 2, 'n1']);
      expect(show(late), 'sent on those late votes').toBe('nothing');

      // Duplicated votes reaching the leader: it stays leader and keeps what it learned since it won.
      const leader = new Bench(suite.impl());
      leader.win(MAX_TIMEOUT + 1);
      const term = leader.read((n) => n.term);
      leader.propose('a');
      leader.step('n2', { type: 'append-entries-reply', term, success: true, index: 1, lastLogIndex: 1 });
      for (const peer of ['n2', 'n3', 'n4']) leader.step(peer, { type: 'request-vote-reply', term, voteGranted: true });
      expect(leader.read((n) => [n.role, n.leader, n.commitIndex]), `role, leader and commit index of the leader of term ${term} holding entry 1 with n2, after duplicated votes of term ${term}`).toEqual(['leader', 'n1', 0]);
      leader.step('n5', { type: 'append-entries-reply', term, success: true, index: 1, lastLogIndex: 1 });
      expect(leader.read((n) => n.commitIndex), 'commit index once n5 holds entry 1 too (n1, n2 and n5: 3 of 5)').toBe(1);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'a vote is refused to a candidate whose log is less up to date: an older last term, or the same last term and a shorter log',
      clauses: ['RAFT-1.8'],
      hint: 'Raft §5.4.1: compare the last entries’ terms; if they differ, the later term is more up to date; if they are equal, the longer log is. Grant only if the candidate’s log is at least as up to date.',
    },
    () => {
      const cases = [
        { lastLogIndex: 5, lastLogTerm: 1, grant: false, why: 'older last term, longer log' },
        { lastLogIndex: 2, lastLogTerm: 2, grant: false, why: 'same last term, shorter log' },
        { lastLogIndex: 0, lastLogTerm: 0, grant: false, why: 'empty log' },
        { lastLogIndex: 3, lastLogTerm: 2, grant: true, why: 'same last term, same length' },
        { lastLogIndex: 4, lastLogTerm: 2, grant: true, why: 'same last term, longer log' },
      ];
      for (const c of cases) {
        const bench = new Bench(suite.impl());
        bench.follow('n2', 2, [...entries(1, 1), ...entries(2, 2)]);
        const sent = bench.step('n3', { type: 'request-vote', term: 3, lastLogIndex: c.lastLogIndex, lastLogTerm: c.lastLogTerm });
        expect(show(sent), `voter's log ends at 3@2; candidate's at ${c.lastLogIndex}@${c.lastLogTerm} (${c.why})`).toBe(show([{ to: 'n3', message: { type: 'request-vote-reply', term: 3, voteGranted: c.grant } }]));
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a vote is granted to a candidate whose last entry has a later term, however short its log',
      clauses: ['RAFT-1.8'],
      hint: 'Raft §5.4.1: the last terms decide first; log length matters only when they are equal. "lastLogTerm > mine OR (equal AND lastLogIndex >= mine)" — an AND in place of that OR refuses good candidates.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 2, [...entries(1, 4), ...entries(2, 1)]);
      const sent = bench.step('n3', { type: 'request-vote', term: 4, lastLogIndex: 2, lastLogTerm: 3 });
      expect(show(sent), "voter's log ends at 5@2; candidate's at 2@3").toBe(show([{ to: 'n3', message: { type: 'request-vote-reply', term: 4, voteGranted: true } }]));
      expect(bench.read((n) => n.votedFor)).toBe('n3');
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'one vote per term: a second candidate is refused, and the same candidate asking again is granted while its log is still as up to date',
      clauses: ['RAFT-1.7', 'RAFT-1.8'],
      hint: 'Raft §5.2: "each server will vote for at most one candidate in a given term, on a first-come-first-served basis". A duplicated request from the candidate you voted for is granted again, but Figure 2 checks the log every time: "If votedFor is null or candidateId, and candidate\u2019s log is at least as up-to-date as receiver\u2019s log, grant vote".',
    },
    () => {
      const bench = new Bench(suite.impl());
      const request = { type: 'request-vote', term: 1, lastLogIndex: 0, lastLogTerm: 0 } as const;
      const first = bench.step('n2', request);
      const second = bench.step('n3', request);
      const again = bench.step('n2', request);
      const granted = (sent: typeof first) => sent.length === 1 && sent[0]!.message.type === 'request-vote-reply' && sent[0]!.message.voteGranted;
      expect(granted(first), `first request, from n2: ${show(first)}`).toBe(true);
      expect(granted(second), `second request in term 1, from n3: ${show(second)}`).toBe(false);
      expect(granted(again), `n2 asking again in term 1: ${show(again)}`).toBe(true);
      expect(bench.read((n) => n.votedFor)).toBe('n2');

      // n3 won term 1 with other votes, and its entry reached this node: n2's log (empty) is now behind.
      bench.step('n3', { type: 'append-entries', term: 1, prevLogIndex: 0, prevLogTerm: 0, entries: entries(1, 1), leaderCommit: 0 });
      const late = bench.step('n2', request);
      expect(show(late), 'n2 asking again in term 1 with an empty log, after this node took an entry of term 1 from n3').toBe(show([{ to: 'n2', message: { type: 'request-vote-reply', term: 1, voteGranted: false } }]));
      expect(bench.read((n) => [n.votedFor, n.term, n.log.length]), 'vote, term and log length after refusing the duplicate').toEqual(['n2', 1, 1]);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'only the current leader, a granted vote or a new election resets the election timer: stale messages and replies do not',
      clauses: ['RAFT-1.3'],
      hint: 'Raft §5.2 and Figure 2, Followers: "If election timeout elapses without receiving AppendEntries RPC from current leader or granting vote to candidate: convert to candidate". A timer reset by any message lets a stale node keep a cluster leaderless.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 3, entries(3, 2));
      const noise = [
        { from: 'n3', message: { type: 'append-entries', term: 2, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 } },
        { from: 'n4', message: { type: 'request-vote', term: 2, lastLogIndex: 9, lastLogTerm: 2 } },
        { from: 'n5', message: { type: 'request-vote', term: 3, lastLogIndex: 1, lastLogTerm: 1 } },
        { from: 'n3', message: { type: 'append-entries-reply', term: 3, success: true, index: 1, lastLogIndex: 1 } },
        { from: 'n4', message: { type: 'request-vote-reply', term: 3, voteGranted: false } },
      ] as const;
      let ticks = 0;
      while (bench.read((n) => n.role) === 'follower' && ticks <= MAX_TIMEOUT) {
        const { from, message } = noise[ticks % noise.length]!;
        bench.step(from, message);
        bench.tick();
        ticks++;
      }
      expect(bench.read((n) => n.role), `role after ${ticks} ticks with only stale messages, replies and refused vote requests between them`).toBe('candidate');

      // A higher term is adopted, but a refused request or a reply carrying it does not reset a follower's timer.
      const adopter = new Bench(suite.impl());
      adopter.follow('n2', 3, entries(3, 2));
      const higher = (term: number) =>
        [
          { from: 'n4', message: { type: 'request-vote', term, lastLogIndex: 1, lastLogTerm: 1 } },
          { from: 'n3', message: { type: 'request-vote-reply', term, voteGranted: false } },
          { from: 'n5', message: { type: 'append-entries-reply', term, success: false, index: 0, lastLogIndex: 0 } },
        ] as const;
      ticks = 0;
      while (adopter.read((n) => n.role) === 'follower' && ticks <= MAX_TIMEOUT) {
        const { from, message } = higher(adopter.read((n) => n.term) + 1)[ticks % 3]!;
        adopter.step(from, message);
        adopter.tick();
        ticks++;
      }
      expect(adopter.read((n) => n.role), `role after ${ticks} ticks, each after a refused RequestVote or a reply of a higher term`).toBe('candidate');

      // A granted vote resets it: a follower that grants one every 9 ticks never starts an election.
      const voter = new Bench(suite.impl());
      voter.follow('n2', 3, entries(3, 2));
      for (let term = 4; term <= 8; term++) {
        voter.tick(ELECTION_TICKS - 1);
        const what = `after ${ELECTION_TICKS - 1} ticks since ${term === 4 ? 'the leader of term 3 was heard' : `a vote granted in term ${term - 1}`}`;
        expect(voter.read((n) => [n.role, n.term]), `role and term ${what}`).toEqual(['follower', term - 1]);
        const sent = voter.step('n3', { type: 'request-vote', term, lastLogIndex: 2, lastLogTerm: 3 });
        expect(show(sent), `RequestVote of term ${term} from an up-to-date candidate`).toBe(show([{ to: 'n3', message: { type: 'request-vote-reply', term, voteGranted: true } }]));
      }

      // So does the same vote granted again: a duplicated request of the candidate it voted for, every 9 ticks.
      const again = new Bench(suite.impl());
      again.follow('n2', 3, entries(3, 2));
      const request = { type: 'request-vote', term: 4, lastLogIndex: 2, lastLogTerm: 3 } as const;
      for (let round = 0; round < 5; round++) {
        again.tick(ELECTION_TICKS - 1);
        expect(again.read((n) => [n.role, n.term]), `role and term after ${ELECTION_TICKS - 1} ticks since ${round === 0 ? 'the leader of term 3 was heard' : 'it granted n3 its vote of term 4 again'}`).toEqual(['follower', round === 0 ? 3 : 4]);
        const sent = again.step('n3', request);
        expect(show(sent), `RequestVote of term 4 from n3, ${round === 0 ? 'the first time' : `sent again (${round + 1} times in all)`}`).toBe(show([{ to: 'n3', message: { type: 'request-vote-reply', term: 4, voteGranted: true } }]));
      }
      again.tick(ELECTION_TICKS - 1);
      expect(again.read((n) => [n.role, n.term]), `role and term ${ELECTION_TICKS - 1} ticks after the vote was granted the fifth time`).toEqual(['follower', 4]);
    },
  );

  suite.test(
    {
      points: 1,
      category: 'correctness',
      name: 'a leader sends AppendEntries to every peer every tick, and a follower hearing them never starts an election',
      clauses: ['RAFT-1.10'],
      hint: 'protocol.ts HEARTBEAT_TICKS, and Raft §5.2: "Leaders send periodic heartbeats … to all followers in order to maintain their authority".',
    },
    () => {
      const leader = new Bench(suite.impl());
      leader.win(MAX_TIMEOUT + 1);
      for (let i = 0; i < 3 * MAX_TIMEOUT; i++) {
        const sent = leader.tick();
        expect(sent.filter((s) => s.message.type === 'append-entries').map((s) => s.to).sort(), `tick ${i + 1} as leader: ${show(sent)}`).toEqual(['n2', 'n3', 'n4', 'n5']);
      }
      expect(leader.read((n) => n.role)).toBe('leader');
      const follower = new Bench(suite.impl(), { id: 'n2', peers: ['n1', 'n3', 'n4', 'n5'] });
      for (let i = 0; i < 3 * MAX_TIMEOUT; i++) {
        follower.step('n1', { type: 'append-entries', term: 1, prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
        follower.tick();
        expect(follower.read((n) => n.role), `role of a follower after ${i + 1} ticks, each after a heartbeat`).toBe('follower');
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'on 3, 5 and 7 nodes, under loss, duplication, reordering, partitions, one-way, held and degraded links and isolation, there is at most one leader per term, and a leader once the network heals',
      clauses: ['RAFT-0.11', 'RAFT-0.12'],
      hint: 'Raft §5.2 (one vote per term, a majority to win) and §5.1 (step down on a higher term). The failure shows the fault plan and the last events; replay it and read the timeline.',
      deadlineMs: 60_000,
    },
    (t) => {
      const seen = checkScenarios(
        t.check,
        suite.impl(),
        scenarioArb(SCENARIOS.election.options),
        SCENARIOS.election.runs,
      );
      expect([...seen.sizes].sort(), 'cluster sizes exercised').toEqual([3, 5, 7]);
      for (const [what, count] of Object.entries({ lost: seen.lost, duplicated: seen.duplicated, reordered: seen.reordered, 'blocked by a partition': seen.droppedByPartition })) {
        expect(count, `messages ${what} over ${seen.runs} runs`).toBeGreaterThan(0);
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'performance',
      name: 'a stable cluster holds no needless elections: once a leader is elected, the term stays put for a minute',
      clauses: ['RAFT-1.12'],
      hint: 'Raft §5.2: heartbeats every tick keep every follower’s timer from expiring; only the leader’s AppendEntries (or a vote) may reset it.',
      deadlineMs: 20_000,
    },
    () => {
      for (let seed = 1; seed <= 10; seed++) {
        const { result } = runCluster(suite.impl(), seed, { nodes: nodeIds(5), durationMs: 60_000 });
        const elections = result.trace.filter((e) => e.kind === 'send' && e.body.startsWith('RequestVote'));
        const firstLeader = firstHeartbeat(result);
        expect(firstLeader, `a leader within 60 s on a reliable network (simulation seed ${seed})`).toBeDefined();
        const late = elections.filter((e) => e.t > firstLeader!.time);
        expect(late.length, `RequestVotes sent after the first leader's first heartbeat at ${firstLeader!.time.toFixed(3)} ms (simulation seed ${seed}); the first at ${late[0]?.t.toFixed(3)} ms`).toBe(0);
      }
    },
  );
});
