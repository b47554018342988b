/** Staged hints for Raft (grading/hints/types.ts says how they are used). */
import type { TaskLayout } from './task-code';
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'Follow Figure 2 to the letter: "Rules for Servers" and the RequestVote RPC, every sentence, for every role. Each rule test checks one of those sentences, and the Students’ Guide to Raft (Jon Gjengset, 2016) shows what breaks when one is left out. For each message you handle, ask yourself: which term is it from, what does it do to my term, my vote and my role, and may it restart my election timer?',
      readme: '1. Leader election — 35 points',
      paper: 'Raft paper (Ongaro & Ousterhout 2014), Figure 2',
    },
    {
      text: 'Look at time and terms first. An election timeout that is a constant, or drawn only once at start, lets nodes that started together time out together and split the vote again and again; a timer that restarts on every message lets a stale or cut-off node keep the whole cluster without a leader (the Guide’s "Livelocks" section lists the three moments to reset it). Terms go both ways: a higher term is adopted from replies as well as from requests; a request from an earlier term is refused, answered with your term, and changes nothing else; and a reply from an earlier term answers an old request, which the Guide calls "term confusion" when it is counted.',
      paper: 'Raft paper (Ongaro & Ousterhout 2014), §5.2 "Leader election"',
    },
    {
      text: 'Then the vote. A node votes at most once per term, but a duplicated request from the candidate it already voted for gets the same yes. "At least as up to date" compares the terms of the last entries first, and the lengths only when those terms are equal: an `&&` in place of that `||` refuses good candidates, and leaving the check out elects a leader without committed entries. On the candidate’s side, the network duplicates replies, so count voters rather than replies, and a majority is more than half the cluster (3 of 5, 2 of 3), not half of it rounded down.',
      paper: 'Raft paper (Ongaro & Ousterhout 2014), §5.4.1 "Election restriction"',
    },
    {
      text: 'At the top of `step`, before a `switch` on `message.type` that ends in a `never` check: if `message.term > currentTerm`, adopt it, set `votedFor = undefined` and become a follower, with the sender as `leader` if the message is an AppendEntries and none otherwise. Keep the timer as two numbers, ticks since the last reset and the timeout drawn at it with `ctx.rng.int(ELECTION_TICKS, 2 * ELECTION_TICKS - 1)`, and reset it only in the constructor, on starting an election, on granting a vote, on an AppendEntries of your current term (which also turns a candidate into a follower of its sender), and when a leader steps down. Grant a vote exactly when `req.term === currentTerm && (votedFor === undefined || votedFor === from) && (req.lastLogTerm > myLastTerm || (req.lastLogTerm === myLastTerm && req.lastLogIndex >= myLastIndex))`, and reply with your current term either way. Count a vote only if it is granted, `reply.term === currentTerm` and you are still a candidate, in a `Set` that starts with yourself (an AppendEntries reply, too, counts only for a leader of its term); once `2 * votes.size > ctx.peers.length + 1`, become leader and send AppendEntries to every peer in that same call, then on every tick.',
    },
  ],
  2: [
    {
      text: 'Re-read Figure 2’s AppendEntries receiver rules 1 to 5 and the rules for Leaders, then this task’s section of the README, which adds what a reply’s `index` means. Ask yourself three questions: what exactly does a success reply promise the leader, what does a request that arrives late, or twice, do to your log and your commit index, and when may a leader call an entry committed?',
      readme: '2. Log replication — 40 points',
    },
    {
      text: 'On the follower’s side, three rules are easy to get wrong. A `prevLogIndex` past the end of your log is a mismatch, exactly like a wrong term there (the Students’ Guide to Raft, "Incorrect RPC handlers"). Receiver rule 3 deletes entries only if one conflicts: cutting the log after every request throws away entries that a reordered, later request already added, and the leader may have committed them. And rule 5’s "index of last new entry" is the last entry this request vouched for, not the end of your log, which past that point may still hold an old leader’s entries; the commit index never goes back.',
      paper: 'Raft paper (Ongaro & Ousterhout 2014), §5.3 "Log replication"',
    },
    {
      text: 'On the leader’s side, an entry of an earlier term stored on a majority can still be overwritten by a later leader (Figure 8), so it is never committed by counting copies; here a leader appends no no-op on election, so such an entry commits only when an entry of the leader’s own term after it does. When you look for the index a majority holds, remember that the default `sort()` compares numbers as strings (`"10"` before `"9"`), and that the majority includes the leader’s own copy. Keep `nextIndex` and `matchIndex` per peer, reset when you win (Figure 2, "Volatile state on leaders"), and send from `nextIndex`: resending the whole log, or broadcasting on every reply, is correct but too costly, and a late or duplicated reply must never lower `matchIndex`. If a cluster test reports Leader Completeness, check your vote (§5.4.1) as well.',
      paper: 'Raft paper (Ongaro & Ousterhout 2014), §5.4.2 "Committing entries from previous terms"',
    },
    {
      text: 'As a follower, after the term checks: if `prevLogIndex > log.length` or the entry there is not of `prevLogTerm`, reply failure with `index = prevLogIndex`; otherwise walk the new entries from `prevLogIndex + 1`, skip each one you already hold with the same term, and at the first conflict cut the log there and append the rest; if `leaderCommit > commitIndex`, commit up to `min(leaderCommit, prevLogIndex + entries.length)`; reply success with `index = prevLogIndex + entries.length`. As the leader, on a success reply of your term set `matchIndex = max(matchIndex, reply.index)` and `nextIndex = max(nextIndex, reply.index + 1)`; on a failure compute `max(matchIndex + 1, min(reply.index, reply.lastLogIndex + 1))` and, only if it is below the current `nextIndex` (otherwise the reply is stale or a duplicate), store it and resend to that peer. To commit, sort your last index and every peer’s `matchIndex` with `(a, b) => b - a`, take `N` at position `Math.floor(clusterSize / 2)`, counting from 0 (a majority holds at least that), and commit it only if `N > commitIndex` and `log[N - 1].term === currentTerm`. Apply with a `lastApplied` counter: in the call that raises the commit index, emit `{ type: \'applied\', index, term, command }` for each entry up to it, in order.',
    },
  ],
  3: [
    {
      text: 'A vote, a term and a stored entry are promises: Figure 2 puts its "Persistent state on all servers" on stable storage before a server responds. Write that rule down once: every method that changes term, vote or log syncs it before it returns, and then nothing depends on which messages go out. After each call that sends something, ask yourself: if the node crashed right now and lost everything unsynced, would the node restored from disk say the same thing?',
      readme: '3. Persistence and crash recovery — 25 points',
      paper: 'Raft paper (Ongaro & Ousterhout 2014), Figure 2',
    },
    {
      text: 'Check each promise: a vote is on disk before the reply that grants it; a term, adopted from a message or started by an election, before any message that carries it (a node that forgets its term can vote in it again); a follower’s entries before it acknowledges them, after a truncation too (the leader may commit on that acknowledgement); and a leader’s own new entries, since it counts its own copy. `sync(name)` makes a file’s contents durable, not its existence: without `syncDirectory()` after creating a file, the worst crash removes it and the node restarts in term 0 with no vote, free to vote twice.',
      readme: 'The simulator',
    },
    {
      text: 'Two files are enough: term and vote in a small file rewritten whole with `write`, then `sync` (a crash between the `write` and its `sync` may leave the old contents, the new or a torn prefix of the new, but no crash falls inside a call, so syncing in the same call is enough here; on a real disk you would write a temporary file, sync it, `rename` it over the old one and `syncDirectory()`), and the log as one JSON line per entry (JSON escapes a command’s line breaks and lone surrogates, and keeps terms past 32 bits), extended with `append` and rewritten whole on a truncation, synced after each change. Create both files once, on the first start, and call `syncDirectory()`. The constructor restores term, vote and log, starting empty if a file is missing and ignoring a last line that does not end in `\\n` (a torn append nobody was promised); role, leader, commit index and `lastApplied` start afresh, so the node applies again from index 1 as it learns the commit index. Never throw on a message.',
    },
  ],
};

/**
 * Which code each task's tests exercise, and which tasks build on which (grading/hints/task-code.ts). Raft's tasks
 * share `tick` and `step`; a learner's own helpers are told apart by what they are called.
 */
export const layout: TaskLayout = {
  code: {
    1: [/vote|elect|candidate|timeout|campaign/i],
    2: [/append|replicat|commit|apply|propose|heartbeat|match|nextIndex/i, 'RaftNode.propose'],
    3: [/persist|save|restore|load|sync|disk|storage|file|recover/i],
  },
  builtOn: { 2: [1], 3: [1, 2] },
};
