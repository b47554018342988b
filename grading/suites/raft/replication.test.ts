/**
 * Task 2 — log replication (Raft §5.3, §5.4.2). Rule tests for the
 * AppendEntries receiver and the leader's commit rule, the Figure 8 scenario
 * scripted, then whole clusters under network faults, and the cost counters.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Bench } from './bench';
import { SCENARIOS, checkScenarios, firstHeartbeat, leaderAt, nodeIds, runCluster, scenarioArb } from './cluster';
import { ELECTION_TICKS, describeApplied, describeLog, describeMessage, entries, raftSuite, type Entry, type Message } from './support';

const suite = raftSuite();
const MAX_TIMEOUT = 2 * ELECTION_TICKS - 1;
/** What a call sent, in a canonical order: a node may send to its peers in any order. */
const show = (sent: readonly { to: string; message: Message }[]) => sent.map((s) => `${describeMessage(s.message)} → ${s.to}`).sort().join('; ') || 'nothing';
const append = (term: number, prevLogIndex: number, prevLogTerm: number, list: readonly Entry[], leaderCommit = 0): Message => ({ type: 'append-entries', term, prevLogIndex, prevLogTerm, entries: list, leaderCommit });
const reply = (term: number, success: boolean, index: number, lastLogIndex: number): Message => ({ type: 'append-entries-reply', term, success, index, lastLogIndex });

/** A follower of n2 in `term` holding `log`. */
function follower(log: readonly Entry[], term = Math.max(1, ...log.map((e) => e.term))): Bench {
  const bench = new Bench(suite.impl());
  bench.follow('n2', term, log);
  return bench;
}

suite.task(2, () => {
  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a follower rejects AppendEntries whose previous entry it does not hold, and keeps its log and its commit index',
      clauses: ['RAFT-2.5', 'RAFT-2.9'],
      hint: 'Raft §5.3 and Figure 2, AppendEntries receiver rule 2: "Reply false if log doesn’t contain an entry at prevLogIndex whose term matches prevLogTerm". Reply with index = prevLogIndex, and stop there: rules 3 to 5, the commit index among them, apply only to a request that matched.',
    },
    () => {
      const log = [...entries(1, 2), ...entries(2, 2)];
      for (const [prevLogIndex, prevLogTerm, why] of [
        [6, 2, 'beyond the end of its log'],
        [3, 1, 'an entry of another term'],
        [4, 3, 'its last entry, of another term'],
      ] as const) {
        const bench = follower(log, 3);
        // leaderCommit 6: a request that does not match vouches for nothing, so none of the follower's entries may commit.
        const sent = bench.step('n2', append(3, prevLogIndex, prevLogTerm, entries(3, 1), 6));
        expect(show(sent), `follower with ${describeLog(log)} given prev ${prevLogIndex}@${prevLogTerm} (${why})`).toBe(show([{ to: 'n2', message: reply(3, false, prevLogIndex, 4) }]));
        expect(describeLog(bench.read((n) => n.log)), 'log after the rejection').toBe(describeLog(log));
        expect([bench.read((n) => n.commitIndex), bench.applied.length], `commit index and entries applied after rejecting a request with leaderCommit 6 (${why})`).toEqual([0, 0]);
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a follower appends new entries after a matching previous entry and answers with the index they reach',
      clauses: ['RAFT-2.6', 'RAFT-2.9'],
      hint: 'Raft Figure 2, AppendEntries receiver rule 4: "Append any new entries not already in the log"; the reply’s index is prevLogIndex + entries.length.',
    },
    () => {
      const bench = follower(entries(1, 2), 2);
      const sent = bench.step('n2', append(2, 2, 1, entries(2, 3)));
      expect(show(sent)).toBe(show([{ to: 'n2', message: reply(2, true, 5, 5) }]));
      expect(describeLog(bench.read((n) => n.log))).toBe(describeLog([...entries(1, 2), ...entries(2, 3)]));
      const heartbeat = bench.step('n2', append(2, 5, 2, []));
      expect(show(heartbeat), 'a heartbeat that matches').toBe(show([{ to: 'n2', message: reply(2, true, 5, 5) }]));
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a conflicting entry and everything after it are deleted, then the new entries appended',
      clauses: ['RAFT-2.6'],
      hint: 'Raft Figure 2, AppendEntries receiver rule 3: "If an existing entry conflicts with a new one (same index but different terms), delete the existing entry and all that follow it".',
    },
    () => {
      const bench = follower([...entries(1, 3), ...entries(2, 3)], 3);
      const sent = bench.step('n2', append(3, 3, 1, [{ term: 2, command: 't2-1' }, { term: 3, command: 'new' }]));
      expect(show(sent)).toBe(show([{ to: 'n2', message: reply(3, true, 5, 5) }]));
      expect(describeLog(bench.read((n) => n.log))).toBe(describeLog([...entries(1, 3), { term: 2, command: 't2-1' }, { term: 3, command: 'new' }]));
    },
  );

  suite.test(
    {
      points: 2,
      category: 'faults',
      name: 'an AppendEntries that matches the log deletes nothing: a delayed or duplicated request does not truncate newer entries',
      clauses: ['RAFT-2.7'],
      hint: 'Raft Figure 2, receiver rule 3 deletes only on a conflict (same index, different term). Truncating to prevLogIndex + entries.length on every request throws away entries a reordered network delivered first — and the commit they were counted for.',
    },
    () => {
      const log = [...entries(1, 2), ...entries(2, 4)];
      const bench = follower(log, 2);
      const late = [
        append(2, 2, 1, entries(2, 1)),
        append(2, 0, 0, entries(1, 2)),
        append(2, 3, 2, []),
      ];
      for (const m of late) {
        bench.step('n2', m);
        expect(describeLog(bench.read((n) => n.log)), `log after a late ${describeMessage(m)}`).toBe(describeLog(log));
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a follower’s commit index advances to the smaller of leaderCommit and the index of the last new entry, never back',
      clauses: ['RAFT-2.8'],
      hint: 'Raft Figure 2, receiver rule 5: "If leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry)" — the last entry this request vouched for, not the end of your log.',
    },
    () => {
      const bench = follower([], 2);
      bench.step('n2', append(2, 0, 0, entries(2, 3), 10));
      expect(bench.read((n) => n.commitIndex), 'leaderCommit 10, entries through 3').toBe(3);
      bench.step('n2', append(2, 3, 2, entries(2, 3, 'more-'), 2));
      expect(bench.read((n) => n.commitIndex), 'leaderCommit 2 after commit 3: never back').toBe(3);
      // The follower holds 6 entries, but this heartbeat vouches only for the first 4.
      bench.step('n2', append(2, 4, 2, [], 6));
      expect(bench.read((n) => n.commitIndex), 'a heartbeat with prev 4 and leaderCommit 6, log of 6 entries').toBe(4);
      bench.step('n2', append(2, 6, 2, [], 6));
      expect(bench.read((n) => n.commitIndex)).toBe(6);
      // A late request vouching only for entries 1 and 2, though the leader has since committed 7.
      bench.step('n2', append(2, 1, 2, entries(2, 2).slice(1), 7));
      expect(bench.read((n) => n.commitIndex), 'commit index 6, then a late request with prev 1, one entry and leaderCommit 7').toBe(6);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'committed entries are applied once each, in index order, each as soon as it is committed',
      clauses: ['RAFT-2.12'],
      hint: 'Raft Figure 2, "Rules for Servers": "If commitIndex > lastApplied: increment lastApplied, apply log[lastApplied]". Emit { type: "applied", index, term, command }.',
    },
    () => {
      const bench = follower([], 2);
      bench.step('n2', append(2, 0, 0, entries(2, 5), 2));
      bench.step('n2', append(2, 0, 0, entries(2, 5), 2));
      bench.step('n2', append(2, 5, 2, [], 5));
      bench.step('n2', append(2, 5, 2, [], 4));
      expect(bench.applied.map(describeApplied)).toEqual(entries(2, 5).map((e, i) => describeApplied({ type: 'applied', index: i + 1, term: e.term, command: e.command })));
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'a leader commits the highest index stored on a majority of the cluster, itself included, once that entry is from its term',
      clauses: ['RAFT-2.11', 'RAFT-0.10'],
      hint: 'Raft Figure 2, Leaders: "If there exists an N such that N > commitIndex, a majority of matchIndex[i] ≥ N, and log[N].term == currentTerm: set commitIndex = N". Sort indexes as numbers, not strings.',
      deadlineMs: 20_000,
    },
    (t) => {
      const { RaftNode } = suite.impl();
      t.check(
        fc.property(
          fc.constantFrom(1, 2, 3, 4, 5, 6, 7),
          fc.integer({ min: 1, max: 30 }),
          fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }),
          (size, count, acks) => {
            const peers = nodeIds(size).slice(1);
            const bench = new Bench({ RaftNode }, { peers });
            bench.win(MAX_TIMEOUT + 1);
            const term = bench.read((n) => n.term);
            for (let i = 0; i < count; i++) bench.propose(`c${i + 1}`);
            // Alone, the leader is its own majority: each proposal commits in the call that makes it.
            if (size === 1) expect(bench.read((n) => n.commitIndex), `the leader of a one-node cluster, after ${count} proposals`).toBe(count);
            if (size === 1) return;
            const match = new Map(peers.map((p) => [p, 0]));
            for (const [who, upTo] of acks) {
              const peer = peers[who % peers.length]!;
              const index = upTo % (count + 1);
              bench.step(peer, reply(term, true, index, index));
              match.set(peer, Math.max(match.get(peer)!, index));
              const sorted = [count, ...match.values()].sort((a, b) => b - a);
              const expected = sorted[Math.floor(size / 2)]!;
              expect(bench.read((n) => n.commitIndex), `leader with ${count} entries of its term in a ${size}-node cluster; followers hold ${JSON.stringify(Object.fromEntries(match))}`).toBe(expected);
            }
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'Raft §5.4.2 (Figure 8): a leader never commits an entry from an earlier term by counting replicas',
      clauses: ['RAFT-2.11', 'RAFT-2.3', 'RAFT-2.12'],
      hint: 'Raft §5.4.2 and Figure 8: an entry of an earlier term stored on a majority can still be overwritten by a later leader. Count replicas only for an entry of the current term; committing it commits everything before it.',
    },
    () => {
      const bench = new Bench(suite.impl());
      // n1 holds two entries from earlier leaders (terms 1 and 2), then wins term 4.
      bench.follow('n2', 3, [{ term: 1, command: 'x' }, { term: 2, command: 'y' }]);
      bench.win(MAX_TIMEOUT + 1);
      const term = bench.read((n) => n.term);
      for (const peer of ['n2', 'n3', 'n4', 'n5']) bench.step(peer, reply(term, true, 2, 2));
      expect(bench.read((n) => n.commitIndex), `commit index of the leader of term ${term} when every follower stores entries 1 (term 1) and 2 (term 2)`).toBe(0);
      expect(bench.applied.map(describeApplied), 'applied before any entry of its own term is replicated').toEqual([]);
      const result = bench.propose('z');
      expect(result).toEqual({ ok: true, index: 3, term });
      bench.step('n3', reply(term, true, 3, 3));
      expect(bench.read((n) => n.commitIndex), 'entry 3 (current term) on the leader and n3 only').toBe(0);
      bench.step('n5', reply(term, true, 3, 3));
      expect(bench.read((n) => n.commitIndex), 'entry 3 (current term) on the leader, n3 and n5').toBe(3);
      expect(bench.applied.map(describeApplied)).toEqual([
        describeApplied({ type: 'applied', index: 1, term: 1, command: 'x' }),
        describeApplied({ type: 'applied', index: 2, term: 2, command: 'y' }),
        describeApplied({ type: 'applied', index: 3, term, command: 'z' }),
      ]);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'after a rejection, a leader steps back and sends earlier entries until the follower’s log matches, to that follower only',
      clauses: ['RAFT-2.10', 'RAFT-2.4'],
      hint: 'Raft §5.3: "After a rejection, the leader decrements nextIndex and retries the AppendEntries RPC." The reply’s lastLogIndex lets you skip straight past a follower’s short log: nextIndex = min(index, lastLogIndex + 1). Never step back to or below matchIndex.',
    },
    () => {
      // n1 holds 6 entries of term 1 when it wins term 2: its first AppendEntries to each peer are for prev 6@1.
      // n2 holds either only the first 2 of them, or 8 entries that agree with n1's through index 4 and then
      // conflict. It answers each retry as a follower would: a rejection while the previous entry is one it does
      // not hold, then success. Plain decrement (Figure 2) and jumping by the reply's hint both get there; a leader
      // that does not step back, or steps back the wrong way, never does.
      const log = entries(1, 6);
      for (const n2 of [
        { holds: 'only entries 1…2', matchesThrough: 2, lastLogIndex: 2 },
        { holds: '8 entries that conflict from index 5 on', matchesThrough: 4, lastLogIndex: 8 },
      ]) {
        const bench = new Bench(suite.impl());
        bench.follow('n2', 1, log);
        bench.win(MAX_TIMEOUT + 1);
        const term = bench.read((n) => n.term);
        bench.tick();
        let rejected = 6;
        const retries: string[] = [];
        for (let round = 1; ; round++) {
          const onReply = bench.step('n2', reply(term, false, rejected, n2.lastLogIndex));
          expect(show(onReply.filter((s) => s.to !== 'n2')), `sent to the other followers, on n2's rejection of prev ${rejected}: a rejection makes the leader send to that follower only`).toBe('nothing');
          const retry = [...onReply, ...(onReply.some((s) => s.to === 'n2') ? [] : bench.tick())].filter((s) => s.to === 'n2');
          const sent = retry.find((s) => s.message.type === 'append-entries')?.message;
          if (sent?.type !== 'append-entries') {
            expect.fail(`n2 holds ${n2.holds}; after it rejected prev ${rejected} (its log ends at ${n2.lastLogIndex}), n1 sent n2 ${show(retry)}, not an earlier AppendEntries`);
          }
          retries.push(`prev ${sent.prevLogIndex}@${sent.prevLogTerm}`);
          expect(sent.prevLogIndex, `n2 holds ${n2.holds}; the retries to n2 so far: ${retries.join(', ')}: each must step back from the rejected ${rejected}`).toBeLessThan(rejected);
          expect(sent.prevLogIndex, 'a retry’s previous index').toBeGreaterThanOrEqual(0);
          expect(sent.prevLogTerm, `the term of entry ${sent.prevLogIndex} in n1’s log`).toBe(sent.prevLogIndex === 0 ? 0 : 1);
          expect(describeLog(sent.entries), `the entries sent with prev ${sent.prevLogIndex}: n1’s entries after it`).toBe(describeLog(log.slice(sent.prevLogIndex)));
          if (sent.prevLogIndex <= n2.matchesThrough) break;
          expect(round, `n2 holds ${n2.holds}; rounds of retries to n2 (${retries.join(', ')}) before one matches its log`).toBeLessThan(6);
          rejected = sent.prevLogIndex;
        }
        bench.step('n2', reply(term, true, 6, 6));
        const heartbeat = bench.tick().filter((s) => s.to === 'n2');
        expect(show(heartbeat), 'the next heartbeat to n2, which now holds all 6 entries').toBe(show([{ to: 'n2', message: append(term, 6, 1, [], 0) }]));
      }
    },
  );

  suite.test(
    {
      points: 1,
      category: 'faults',
      name: 'a rejection that arrives after the follower’s success never moves nextIndex to or below matchIndex',
      clauses: ['RAFT-2.10'],
      hint: 'Raft §5.3 with a network that reorders: a rejection can arrive after the success that overtook it. nextIndex stays above matchIndex: compute where a rejection would take it, and keep it at matchIndex + 1 at the least.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 1, entries(1, 6));
      bench.win(MAX_TIMEOUT + 1);
      const term = bench.read((n) => n.term);
      const rejection = reply(term, false, 6, 2);
      bench.step('n2', rejection);
      bench.tick();
      bench.step('n2', reply(term, true, 6, 6));
      const late = bench.step('n2', rejection).filter((s) => s.to === 'n2' && s.message.type === 'append-entries');
      for (const s of late) {
        if (s.message.type === 'append-entries') expect(s.message.prevLogIndex, 'the previous index of what n1 sent n2 on the late rejection; n2 holds 1…6').toBe(6);
      }
      const heartbeat = bench.tick().filter((s) => s.to === 'n2');
      expect(show(heartbeat), 'the next heartbeat to n2, which holds all 6 entries').toBe(show([{ to: 'n2', message: append(term, 6, 1, [], 0) }]));
    },
  );

  suite.test(
    {
      points: 2,
      category: 'faults',
      name: 'duplicated and reordered AppendEntries replies: an acknowledgement counts once per follower, a late one lowers nothing, and a late rejection never sends the leader back to or below matchIndex',
      clauses: ['RAFT-2.10', 'RAFT-2.11', 'RAFT-0.10'],
      hint: 'Raft §5.3 on a network that duplicates and reorders: keep matchIndex per follower and only ever raise it (max), count followers rather than replies, and keep nextIndex above matchIndex whatever rejection arrives.',
    },
    () => {
      for (const peers of [['n2', 'n3', 'n4', 'n5'], ['n2', 'n3', 'n4']]) {
        const size = peers.length + 1;
        const bench = new Bench(suite.impl(), { peers });
        bench.win(MAX_TIMEOUT + 1);
        const term = bench.read((n) => n.term);
        for (const c of ['a', 'b', 'c']) bench.propose(c);
        for (let i = 0; i < 3; i++) bench.step('n2', reply(term, true, 3, 3));
        expect(bench.read((n) => [n.commitIndex, n.commitIndex]), `${size} nodes: commit index after n2's acknowledgement of index 3, three times`).toEqual([0, 0]);
        // n3's acknowledgements arrive out of order: index 3 first, then the older one for index 1.
        bench.step('n3', reply(term, true, 3, 3));
        bench.step('n3', reply(term, true, 1, 1));
        expect(bench.read((n) => n.commitIndex), `${size} nodes: commit index once n2 and n3 acknowledged index 3 (then n3's older acknowledgement of 1)`).toBe(3);
        const next = bench.tick().filter((s) => s.to === 'n3' || s.to === 'n2');
        expect(show(next), `${size} nodes: the next heartbeats to n2 and n3, which hold all 3 entries`).toBe(show(['n2', 'n3'].map((to) => ({ to, message: append(term, 3, term, [], 3) }))));
        // n4 rejected an old request, then caught up; its rejection, duplicated, arrives after the success.
        bench.step('n4', reply(term, true, 3, 3));
        for (let i = 0; i < 2; i++) {
          const late = bench.step('n4', reply(term, false, 3, 0)).filter((s) => s.message.type === 'append-entries');
          for (const s of late) if (s.message.type === 'append-entries') expect(s.message.prevLogIndex, `${size} nodes: prevLogIndex of what the leader sent n4 (which holds 1…3) on a late rejection`).toBe(3);
        }
        const heartbeat = bench.tick().filter((s) => s.to === 'n4');
        expect(show(heartbeat), `${size} nodes: the next heartbeat to n4, which holds all 3 entries`).toBe(show([{ to: 'n4', message: append(term, 3, term, [], 3) }]));
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a former leader elected again starts its new term afresh: nextIndex past its log, matchIndex 0, old replies ignored, and it repairs a follower whose log diverged',
      clauses: ['RAFT-2.4', 'RAFT-2.10', 'RAFT-1.6', 'RAFT-2.11'],
      hint: 'Raft Figure 2, "Volatile state on leaders (reinitialized after election)": nextIndex and matchIndex from an earlier leadership are stale. A follower that acknowledged index 3 then may hold other entries now.',
    },
    () => {
      const bench = new Bench(suite.impl());
      bench.follow('n2', 1, [{ term: 1, command: 'a' }], 1);
      bench.win(MAX_TIMEOUT + 1);
      expect(bench.read((n) => n.term)).toBe(2);
      bench.propose('b');
      bench.propose('c');
      const mine = [{ term: 1, command: 'a' }, { term: 2, command: 'b' }, { term: 2, command: 'c' }];
      bench.step('n2', reply(2, true, 3, 3));
      // n3 starts term 3 with a shorter log: n1 steps down and refuses. n3 wins with n4 and n5, and puts 3:"x" at index 2 on n2.
      bench.step('n3', { type: 'request-vote', term: 3, lastLogIndex: 1, lastLogTerm: 1 });
      expect(bench.read((n) => [n.role, n.term, n.leader, n.commitIndex]), 'role, term, leader and commit index of n1 after RequestVote(term 3) from n3').toEqual(['follower', 3, undefined, 1]);
      bench.campaign(MAX_TIMEOUT + 1);
      expect(bench.read((n) => n.term)).toBe(4);
      // A late acknowledgement from term 2, then the votes of term 4 from n4 and n5 (n2, whose log ends at 2@3, refuses).
      bench.step('n2', reply(2, true, 3, 3));
      bench.step('n2', { type: 'request-vote-reply', term: 4, voteGranted: false });
      bench.step('n4', { type: 'request-vote-reply', term: 4, voteGranted: true });
      const won = bench.step('n5', { type: 'request-vote-reply', term: 4, voteGranted: true });
      expect(bench.read((n) => [n.role, n.leader, n.leader, n.commitIndex]), 'n1 with votes from n4 and n5 in term 4').toEqual(['leader', 'n1', 'n1', 1]);
      expect(show(won), 'sent on winning term 4: nextIndex is past its own last entry for every peer').toBe(show(['n2', 'n3', 'n4', 'n5'].map((to) => ({ to, message: append(4, 3, 2, [], 1) }))));

      // n2 holds [1:"a", 3:"x"] and answers as a follower does, until its log matches n1's.
      let n2: Entry[] = [{ term: 1, command: 'a' }, { term: 3, command: 'x' }];
      let pending: Message = append(4, 3, 2, [], 1);
      const trail: string[] = [];
      for (let round = 0; round < 6; round++) {
        if (pending.type !== 'append-entries') break;
        const { prevLogIndex: prev, prevLogTerm, entries: list } = pending;
        trail.push(describeMessage(pending));
        const matches = prev <= n2.length && (prev === 0 ? 0 : n2[prev - 1]!.term) === prevLogTerm;
        if (matches) n2 = [...n2.slice(0, prev), ...list];
        const out = bench.step('n2', reply(4, matches, matches ? prev + list.length : prev, n2.length));
        if (matches) break;
        const retry = [...out, ...(out.some((s) => s.to === 'n2') ? [] : bench.tick())].find((s) => s.to === 'n2' && s.message.type === 'append-entries');
        if (!retry) expect.fail(`n2 holds [1:"a", 3:"x"] and rejected ${describeMessage(pending)}; n1 (leader of term 4, log ${describeLog(mine)}) sent n2 nothing earlier, now or on the next tick: is matchIndex from term 2 (3) still there?`);
        pending = retry.message;
      }
      expect(describeLog(n2), `n2's log after the AppendEntries n1 sent it: ${trail.join(', ')}`).toBe(describeLog(mine));
      expect(bench.read((n) => n.commitIndex), 'commit index once n2 holds entries of term 2 only: none of term 4 yet').toBe(1);
      bench.propose('d');
      bench.step('n2', reply(4, true, 4, 4));
      expect(bench.read((n) => n.commitIndex), 'entry 4 (term 4) on n1 and n2 only').toBe(1);
      bench.step('n4', reply(4, true, 4, 4));
      expect(bench.read((n) => n.commitIndex), 'entry 4 (term 4) on n1, n2 and n4').toBe(4);
      expect(bench.applied.map(describeApplied), 'applied by n1').toEqual(['a', 'b', 'c', 'd'].map((command, i) => describeApplied({ type: 'applied', index: i + 1, term: i === 0 ? 1 : i === 3 ? 4 : 2, command })));
    },
  );

  suite.test(
    {
      points: 1,
      category: 'api',
      name: 'propose on a follower changes nothing and names the leader it knows; on a leader it returns the new entry’s index and term',
      clauses: ['RAFT-2.2', 'RAFT-2.1'],
      hint: 'raft.ts, propose: a follower returns { ok: false, leader } (its leader in the current term, or undefined); a leader appends and returns { ok: true, index, term }.',
    },
    () => {
      const f = follower(entries(1, 2), 1);
      expect(f.propose('x')).toEqual({ ok: false, leader: 'n2' });
      expect(f.read((n) => n.log.length), 'a follower’s log after propose').toBe(2);
      expect(show(f.sent.slice(1)), 'sent by a follower on propose').toBe('nothing');
      const fresh = new Bench(suite.impl());
      expect(fresh.propose('x'), 'propose on a node that knows no leader').toEqual({ ok: false, leader: undefined });
      const leader = new Bench(suite.impl());
      leader.follow('n2', 1, entries(1, 2));
      leader.win(MAX_TIMEOUT + 1);
      expect(leader.propose('y')).toEqual({ ok: true, index: 3, term: 2 });
      expect(leader.propose('z')).toEqual({ ok: true, index: 4, term: 2 });
      expect(describeLog(leader.read((n) => n.log))).toBe(describeLog([...entries(1, 2), { term: 2, command: 'y' }, { term: 2, command: 'z' }]));
    },
  );

  suite.test(
    {
      points: 4,
      category: 'faults',
      name: 'on 3, 5 and 7 nodes, under loss, duplication, reordering, partitions and held links, logs never fork, committed entries survive every leader change, all nodes apply the same commands, and proposals commit once the network heals',
      clauses: ['RAFT-0.11', 'RAFT-0.12'],
      hint: 'Raft Figure 3 names the properties; §5.3 (consistency check, conflict truncation) and §5.4 (election restriction, commit rule) keep them. The failure names the property, the nodes, the index and the terms; replay it and read the timeline.',
      deadlineMs: 60_000,
    },
    (t) => {
      const seen = checkScenarios(
        t.check,
        suite.impl(),
        scenarioArb(SCENARIOS.network.options),
        SCENARIOS.network.runs,
      );
      expect([...seen.sizes].sort(), 'cluster sizes exercised').toEqual([3, 5, 7]);
      for (const [what, count] of Object.entries({ lost: seen.lost, duplicated: seen.duplicated, reordered: seen.reordered, 'blocked by a partition': seen.droppedByPartition, committed: seen.committed })) {
        expect(count, `messages or entries ${what} over ${seen.runs} runs`).toBeGreaterThan(0);
      }
    },
  );

  suite.test(
    {
      points: 1,
      category: 'faults',
      name: 'an isolated leader keeps accepting proposals that never commit; when it rejoins, the new leader’s log replaces them and the cluster moves on',
      clauses: ['RAFT-1.10', 'RAFT-0.11', 'RAFT-0.12'],
      hint: 'Raft §5.3 and Figure 7: the new leader forces followers’ logs to duplicate its own; the old leader steps down on the higher term and its uncommitted entries are overwritten.',
      deadlineMs: 20_000,
    },
    () => {
      const module = suite.impl();
      for (let seed = 1; seed <= 10; seed++) {
        const base = { nodes: nodeIds(5), durationMs: 12_000 };
        const leader = leaderAt(module, seed, base.nodes, 3_000);
        expect(leader, `a leader within 3 s on a reliable network (simulation seed ${seed})`).toBeDefined();
        const proposals = [
          ...Array.from({ length: 5 }, (_, i) => ({ atMs: 3_500 + i * 300, command: `stale-${i + 1}`, to: leader! })),
          ...Array.from({ length: 5 }, (_, i) => ({ atMs: 9_000 + i * 300, command: `fresh-${i + 1}` })),
        ];
        const { result, checker } = runCluster(module, seed, { ...base, faults: [{ atMs: 3_200, fault: { type: 'isolate', node: leader!, durationMs: 4_000 } }], proposals, liveness: 'commit' });
        const applied = new Set(result.outputs.map((o) => o.output.command));
        expect([...applied].filter((c) => c.startsWith('stale-')), `commands proposed to ${leader} while it was isolated must never be applied (simulation seed ${seed})`).toEqual([]);
        expect([...applied].filter((c) => c.startsWith('fresh-')).length, `commands proposed after it rejoined that were applied somewhere (simulation seed ${seed})`).toBeGreaterThan(0);
        expect(checker.committedCount).toBeGreaterThan(0);
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'faults',
      name: 'a minority cut off keeps electing and raising its term; when it rejoins it cannot win with its stale log, and the cluster commits again',
      clauses: ['RAFT-1.10', 'RAFT-1.8', 'RAFT-0.12'],
      hint: 'Raft §5.4.1: the election restriction keeps a node that missed committed entries from winning, however high its term; its higher term only makes the leader step down (§5.1), and the next leader comes from the majority.',
      deadlineMs: 20_000,
    },
    () => {
      const module = suite.impl();
      const termOf = (body: string) => Number(/term (\d+)/.exec(body)?.[1] ?? 0);
      for (let seed = 1; seed <= 10; seed++) {
        const nodes = nodeIds(5);
        const leader = leaderAt(module, seed, nodes, 3_000);
        expect(leader, `a leader within 3 s on a reliable network (simulation seed ${seed})`).toBeDefined();
        const minority = nodes.filter((n) => n !== leader).slice(0, 2);
        const majority = nodes.filter((n) => !minority.includes(n));
        const healAt = 3_200 + 5_000;
        const proposals = Array.from({ length: 8 }, (_, i) => ({ atMs: 4_000 + i * 250, command: `during-${i + 1}` }));
        const { result } = runCluster(module, seed, {
          nodes,
          durationMs: 12_000,
          faults: [{ atMs: 3_200, fault: { type: 'partition', groups: [minority, majority], durationMs: 5_000 } }],
          proposals,
          liveness: 'commit',
        });
        const where = `minority ${minority.join(', ')} cut off from 3200 to ${healAt} ms (simulation seed ${seed})`;
        const campaigns = result.trace.filter((e) => e.kind === 'send' && minority.includes(e.from) && e.body.startsWith('RequestVote') && e.t < healAt);
        const minorityTerm = Math.max(0, ...campaigns.map((e) => (e.kind === 'send' ? termOf(e.body) : 0)));
        expect(new Set(campaigns.map((e) => (e.kind === 'send' ? termOf(e.body) : 0))).size, `terms the minority campaigned in while cut off, ${where}`).toBeGreaterThanOrEqual(2);
        const committed = result.outputs.filter((o) => o.output.command.startsWith('during-') && majority.includes(o.node));
        expect(committed.length, `entries the majority applied while the minority was cut off, ${where}`).toBeGreaterThan(0);
        const next = firstHeartbeat(result, healAt, (body) => termOf(body) > minorityTerm);
        expect(next, `a leader in a term above ${minorityTerm} after the heal, ${where}`).toBeDefined();
        expect(minority, `the first leader above term ${minorityTerm} was ${next!.from}, ${where}`).not.toContain(next!.from);
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'performance',
      name: 'heartbeat traffic is at most one AppendEntries and one reply per follower per tick',
      clauses: ['RAFT-2.14'],
      hint: 'protocol.ts HEARTBEAT_TICKS: a leader sends one AppendEntries per peer per heartbeat; a follower answers each once. Do not answer replies, and do not broadcast on every reply.',
      deadlineMs: 20_000,
    },
    () => {
      for (const size of [3, 5]) {
        for (let seed = 1; seed <= 5; seed++) {
          const { result } = runCluster(suite.impl(), seed, { nodes: nodeIds(size), durationMs: 30_000 });
          const first = firstHeartbeat(result);
          expect(first, `a leader on a reliable network (simulation seed ${seed})`).toBeDefined();
          const after = [...result.messages.values()].filter((m) => m.time >= first!.time).length;
          const ticks = Math.ceil((30_000 - first!.time) / 100) + 1;
          const bound = 2 * (size - 1) * ticks;
          expect(after, `messages in the ${ticks} ticks after the first heartbeat, ${size} nodes, no proposals (simulation seed ${seed}); bound 2 × ${size - 1} followers × ${ticks} ticks`).toBeLessThanOrEqual(bound);
        }
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'performance',
      name: 'each entry travels to each follower about once, and costs at most one AppendEntries and one reply per follower beyond the heartbeats',
      clauses: ['RAFT-2.14'],
      hint: 'Raft §5.3: the leader keeps a nextIndex per follower and sends only the entries from there; on success it moves nextIndex past what the follower now holds. Resending the whole log with every heartbeat is quadratic.',
      deadlineMs: 20_000,
    },
    () => {
      const size = 5;
      for (let seed = 1; seed <= 5; seed++) {
        let carried = 0;
        const proposals = Array.from({ length: 60 }, (_, i) => ({ atMs: 3_000 + i * 150, command: `c${i + 1}` }));
        const { checker, result } = runCluster(suite.impl(), seed, {
          nodes: nodeIds(size),
          durationMs: 15_000,
          proposals,
          onSend: (_from, _to, m) => {
            if (m.type === 'append-entries') carried += m.entries.length;
          },
        });
        const committed = checker.committedCount;
        expect(committed, `entries committed on a reliable network (simulation seed ${seed})`).toBeGreaterThanOrEqual(50);
        const bound = 2 * (size - 1) * committed;
        expect(carried, `entries carried by AppendEntries for ${committed} committed entries, ${size} nodes (simulation seed ${seed}); bound 2 × ${size - 1} followers × ${committed}`).toBeLessThanOrEqual(bound);
        const first = firstHeartbeat(result)!;
        const messages = [...result.messages.values()].filter((m) => m.time >= first.time).length;
        const ticks = Math.ceil((result.endMs - first.time) / 100) + 1;
        const messageBound = 2 * (size - 1) * (ticks + proposals.length);
        expect(messages, `messages after the first heartbeat: ${ticks} ticks and ${proposals.length} proposals, ${size} nodes (simulation seed ${seed}); bound 2 × ${size - 1} followers × (${ticks} + ${proposals.length})`).toBeLessThanOrEqual(messageBound);
      }
    },
  );
});
