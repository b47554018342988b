/**
 * The contract ledger of Raft: every normative clause of
 * exercises/raft/README.md and of the doc comments of raft.ts and protocol.ts,
 * marked there as [RAFT-<task>.<n>], and named by the graded tests that check
 * it (harness/suite/ledger.ts).
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('raft', [
  // The whole exercise
  { id: 'RAFT-0.1', summary: 'getters are cheap, never throw, change nothing when read, and give the same value read twice' },
  { id: 'RAFT-0.2', summary: 'term is 0 before any election; terms up to Number.MAX_SAFE_INTEGER are kept exactly, in memory and on disk' },
  { id: 'RAFT-0.3', summary: "role is 'follower', 'candidate' or 'leader'" },
  { id: 'RAFT-0.4', summary: 'votedFor is the vote of the current term, or undefined' },
  { id: 'RAFT-0.5', summary: 'leader is the leader known in the current term, itself if it leads, else undefined' },
  { id: 'RAFT-0.6', summary: 'commitIndex, and log with entry i at log[i − 1]; indexes start at 1' },
  { id: 'RAFT-0.7', summary: 'each request gets exactly one reply, to its sender, and nothing else is sent in that call' },
  { id: 'RAFT-0.8', summary: 'what the node returns belongs to the caller: changing a propose result changes nothing in the node' },
  {
    id: 'RAFT-0.9',
    summary: 'the harness never changes the log array, copies messages at ctx.send, and never touches a message passed to step again',
    ungraded: 'a promise the harness makes to the node, not a rule the node must keep: the bench and the simulator copy every message they send or receive',
  },
  { id: 'RAFT-0.10', summary: 'clusters of 1 to 7 nodes; every rule holds on each size, a majority being more than half' },
  { id: 'RAFT-0.11', summary: 'the five properties of Figure 3 hold after every event, whatever the faults' },
  { id: 'RAFT-0.12', summary: 'once the faults heal, within 100 ticks a leader followed by a majority, or a proposal applied on a majority' },
  // Task 1: leader election
  { id: 'RAFT-1.1', summary: 'on the tick that reaches its timeout a follower or candidate starts an election: candidate, term + 1, own vote, RequestVote to each peer' },
  { id: 'RAFT-1.2', summary: 'each timeout is drawn with ctx.rng.int(10, 19) when the timer is reset' },
  { id: 'RAFT-1.3', summary: 'the timer is reset exactly on construction, an election started, a vote granted, AppendEntries from the current leader, and a leader stepping down' },
  { id: 'RAFT-1.4', summary: 'a higher term in any message is adopted: vote forgotten, follower, leader the sender of an AppendEntries or unknown' },
  { id: 'RAFT-1.5', summary: 'a RequestVote or AppendEntries of a lower term is refused, the reply carrying the current term' },
  { id: 'RAFT-1.6', summary: 'a reply whose term is not the current term is ignored' },
  { id: 'RAFT-1.7', summary: 'a vote of the current term goes to the first up-to-date candidate only, and again to the same one' },
  { id: 'RAFT-1.8', summary: 'up to date: a later last term, or the same last term and a last index at least as high' },
  { id: 'RAFT-1.9', summary: 'a candidate counts distinct voters of its term while a candidate; with a majority it leads at once and sends AppendEntries to every peer' },
  { id: 'RAFT-1.10', summary: 'a leader sends AppendEntries to every peer every tick and stays leader until it sees a higher term (no CheckQuorum, no PreVote)' },
  { id: 'RAFT-1.11', summary: 'a candidate hearing AppendEntries of its term follows the sender; one whose timeout passes starts the next election' },
  { id: 'RAFT-1.12', summary: 'on a reliable network, once a leader is elected the term stays put' },
  // Task 2: log replication
  { id: 'RAFT-2.1', summary: 'propose on the leader appends { term, command } and returns { ok: true, index, term }' },
  { id: 'RAFT-2.2', summary: 'propose elsewhere changes nothing, sends nothing and returns { ok: false, leader }' },
  { id: 'RAFT-2.3', summary: 'a leader appends nothing of its own (no no-op on election)' },
  { id: 'RAFT-2.4', summary: 'nextIndex and matchIndex are set afresh on every win; AppendEntries carries prev = nextIndex − 1, its term, the entries to the end, commitIndex' },
  { id: 'RAFT-2.5', summary: 'a follower rejects AppendEntries whose previous entry it does not hold' },
  { id: 'RAFT-2.6', summary: 'entries already held are skipped; at the first conflict the rest of the log is replaced' },
  { id: 'RAFT-2.7', summary: 'a request that matches the log deletes nothing' },
  { id: 'RAFT-2.8', summary: 'a follower commits min(leaderCommit, prevLogIndex + entries.length), never back' },
  { id: 'RAFT-2.9', summary: 'the AppendEntries reply: term after the request, index prevLogIndex + entries.length or prevLogIndex, lastLogIndex' },
  { id: 'RAFT-2.10', summary: 'the leader raises matchIndex on success, steps nextIndex back on rejection, never to or below matchIndex, resending to that follower only; duplicates count once' },
  { id: 'RAFT-2.11', summary: 'the leader commits the highest index on a majority, itself included, if of its term, after every call (alone: on propose)' },
  { id: 'RAFT-2.12', summary: 'committed entries are applied once each, in order, in the call that commits them, none past the commit index' },
  { id: 'RAFT-2.13', summary: 'commands are any strings (empty, line breaks, lone surrogates), kept and restored exactly' },
  { id: 'RAFT-2.14', summary: 'at most one AppendEntries and reply per follower per tick; each entry carried to each follower about once' },
  // Task 3: persistence and crash recovery
  { id: 'RAFT-3.1', summary: 'when any call returns, and so before any message leaves, term, vote and log are durable' },
  { id: 'RAFT-3.2', summary: 'the constructor restores term, vote and log; role, leader, commit index and timer start afresh; old AppendEntries replies are ignored' },
  { id: 'RAFT-3.3', summary: 'after a restart the node applies again from index 1 as it learns the commit index' },
  { id: 'RAFT-3.4', summary: 'never throw on a message a lossy, duplicating network can deliver' },
]);
