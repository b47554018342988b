/**
 * Our known-wrong Raft nodes, and the graded tests each one must fail. Each is
 * `<name>.patch` beside this file: what the mistake is and where it shipped,
 * its clause ids, then a diff over the reference solution (solutions/raft/)
 * that makes it (grading/variants/patch.ts). `npm run variant -- raft <name>`
 * prints the whole file a learner would have written. The first tests named are
 * the rule the mistake breaks; any others are tests it also fails, each of them
 * at seed 1.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  // Task 1: election.test.ts
  randomTimeout: 'election timeouts come from ctx.rng: nodes with different random streams time out on different ticks',
  majorityWins: 'a candidate with votes from a majority becomes leader and at once sends AppendEntries to every peer',
  splitVote: 'a candidate whose election times out without a winner starts another, in the next term',
  higherTerm: 'a node that sees a higher term in any message adopts it, forgets its vote and becomes a follower',
  staleReplies: 'replies from an earlier term are ignored: old votes do not elect a candidate, old acknowledgements do not commit',
  refuseBehind: 'a vote is refused to a candidate whose log is less up to date: an older last term, or the same last term and a shorter log',
  grantLaterTerm: 'a vote is granted to a candidate whose last entry has a later term, however short its log',
  oneVote: 'one vote per term: a second candidate is refused, and the same candidate asking again is granted while its log is still as up to date',
  timerResets: 'only the current leader, a granted vote or a new election resets the election timer: stale messages and replies do not',
  oneLeaderPerTerm: 'on 3, 5 and 7 nodes, under loss, duplication, reordering, partitions, one-way, held and degraded links and isolation, there is at most one leader per term, and a leader once the network heals',
  voteReplies: 'a granted vote counts once per voter, and only for a candidate of its term: duplicated votes do not elect, and late ones change nothing for a follower or a leader',
  stableTerm: 'a stable cluster holds no needless elections: once a leader is elected, the term stays put for a minute',
  // Task 2: model.test.ts
  model: 'the whole API against a model of Figure 2, on 1 to 7 nodes: every getter read twice after every call, every reply, every AppendEntries, every entry applied, and the disk after every call and crash',
  // Task 2: replication.test.ts
  noTruncateOnMatch: 'an AppendEntries that matches the log deletes nothing: a delayed or duplicated request does not truncate newer entries',
  followerCommit: 'a follower’s commit index advances to the smaller of leaderCommit and the index of the last new entry, never back',
  leaderCommit: 'a leader commits the highest index stored on a majority of the cluster, itself included, once that entry is from its term',
  appendReplies: 'duplicated and reordered AppendEntries replies: an acknowledgement counts once per follower, a late one lowers nothing, and a late rejection never sends the leader back to or below matchIndex',
  reElected: 'a former leader elected again starts its new term afresh: nextIndex past its log, matchIndex 0, old replies ignored, and it repairs a follower whose log diverged',
  figure8: 'Raft §5.4.2 (Figure 8): a leader never commits an entry from an earlier term by counting replicas',
  logsNeverFork: 'on 3, 5 and 7 nodes, under loss, duplication, reordering, partitions and held links, logs never fork, committed entries survive every leader change, all nodes apply the same commands, and proposals commit once the network heals',
  isolatedLeader: 'an isolated leader keeps accepting proposals that never commit; when it rejoins, the new leader’s log replaces them and the cluster moves on',
  cutOffMinority: 'a minority cut off keeps electing and raising its term; when it rejoins it cannot win with its stale log, and the cluster commits again',
  heartbeatTraffic: 'heartbeat traffic is at most one AppendEntries and one reply per follower per tick',
  entryTraffic: 'each entry travels to each follower about once, and costs at most one AppendEntries and one reply per follower beyond the heartbeats',
  // Task 3: persistence.test.ts
  voteSurvives: 'a granted vote survives a crash: the restarted node refuses another candidate in that term',
  termSurvives: 'the current term survives a crash, whether learned from a message or started by an election',
  entrySurvives: 'an acknowledged entry survives a crash, and so does a truncation',
  durableBeforeSend: 'whenever a message leaves, the term, vote and log it rests on are already durable',
  restartApplies: 'a restarted node starts as a follower with commit index 0, ignores replies to what it sent before the crash, and applies again from index 1 as it learns the commit index',
  smallClusters: 'on 1, 2 and 4 nodes, with crashes, torn appends, lost directory entries and network faults, nothing committed is lost, no term has two leaders, and proposals commit once it heals',
  crashes: 'on 3, 5 and 7 nodes, with crashes at any moment, torn appends and lost directory entries, nothing committed is lost, no term has two leaders, and the cluster recovers',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: 'vote-without-up-to-date-check',
    clauses: ['RAFT-1.8', 'RAFT-0.11'],
    mistake: 'grants a vote without the §5.4.1 check that the candidate’s log is at least as up to date',
    mustFail: [graded.refuseBehind, graded.timerResets, graded.logsNeverFork, graded.cutOffMinority, graded.crashes],
  },
  {
    name: 'up-to-date-with-and',
    clauses: ['RAFT-1.8'],
    mistake: 'the up-to-date check is lastLogTerm ≥ mine AND lastLogIndex ≥ mine, where a later last term should win outright',
    mustFail: [graded.grantLaterTerm],
  },
  {
    name: 'double-vote',
    clauses: ['RAFT-1.7', 'RAFT-0.11'],
    mistake: 'grants a vote without checking votedFor, so it votes for every candidate of a term',
    mustFail: [graded.oneVote, graded.oneLeaderPerTerm, graded.stableTerm, graded.logsNeverFork, graded.isolatedLeader, graded.cutOffMinority, graded.heartbeatTraffic, graded.entryTraffic, graded.voteSurvives, graded.crashes],
  },
  {
    name: 'majority-off-by-one',
    clauses: ['RAFT-1.9', 'RAFT-2.11', 'RAFT-0.10'],
    mistake: 'a candidate wins with floor(n / 2) votes (two of five, one of three) instead of a strict majority',
    mustFail: [graded.majorityWins, graded.splitVote, graded.oneLeaderPerTerm, graded.stableTerm, graded.leaderCommit, graded.logsNeverFork, graded.isolatedLeader, graded.cutOffMinority, graded.heartbeatTraffic, graded.entryTraffic, graded.crashes],
  },
  {
    name: 'stale-replies-accepted',
    clauses: ['RAFT-1.6'],
    mistake: 'counts vote replies (and takes AppendEntries replies) without checking that their term is the current term',
    mustFail: [graded.staleReplies],
  },
  {
    name: 'no-step-down-on-higher-term-reply',
    clauses: ['RAFT-1.4'],
    mistake: 'adopts a higher term only from RequestVote and AppendEntries, not from their replies',
    mustFail: [graded.higherTerm],
  },
  {
    name: 'timer-reset-on-any-message',
    clauses: ['RAFT-1.3'],
    mistake: 'every message received, from anyone in any term, resets the election timer',
    mustFail: [graded.timerResets],
  },
  {
    name: 'fixed-election-timeout',
    clauses: ['RAFT-1.2'],
    mistake: 'the election timeout is always ELECTION_TICKS: no randomisation, so split votes repeat',
    mustFail: [graded.randomTimeout, graded.oneLeaderPerTerm, graded.stableTerm, graded.logsNeverFork, graded.isolatedLeader, graded.cutOffMinority, graded.heartbeatTraffic, graded.entryTraffic, graded.crashes],
  },
  {
    name: 'truncate-on-every-append',
    clauses: ['RAFT-2.7'],
    mistake: 'a follower deletes everything after prevLogIndex + entries.length on every AppendEntries, not only on a conflict',
    mustFail: [graded.noTruncateOnMatch, graded.followerCommit, graded.logsNeverFork, graded.crashes],
  },
  {
    name: 'commit-to-leader-commit',
    clauses: ['RAFT-2.8'],
    mistake: 'a follower commits up to min(leaderCommit, its log length) instead of min(leaderCommit, index of the last new entry)',
    mustFail: [graded.followerCommit],
  },
  {
    name: 'commit-index-string-sort',
    clauses: ['RAFT-2.11'],
    mistake: 'the leader sorts match indexes with the default (string) sort, so "10" comes before "9"',
    mustFail: [graded.leaderCommit],
  },
  {
    name: 'commit-earlier-term-by-counting',
    clauses: ['RAFT-2.11'],
    mistake: 'the leader commits the majority index even when its entry is from an earlier term (Figure 8)',
    mustFail: [graded.figure8],
  },
  {
    name: 'apply-uncommitted',
    clauses: ['RAFT-2.12'],
    mistake: 'when the commit index advances, applies every entry in the log, not only those up to the commit index',
    mustFail: [graded.restartApplies, graded.logsNeverFork, graded.crashes],
  },
  {
    name: 'leader-resends-whole-log',
    clauses: ['RAFT-2.14', 'RAFT-2.4'],
    mistake: 'every AppendEntries starts at prevLogIndex 0 and carries the whole log, ignoring nextIndex',
    mustFail: [graded.entryTraffic],
  },
  {
    name: 'vote-not-persisted',
    clauses: ['RAFT-3.1'],
    mistake: 'votedFor is saved only when the term changes, so a granted vote is not durable when the reply leaves',
    mustFail: [graded.voteSurvives, graded.durableBeforeSend],
  },
  {
    name: 'term-not-persisted',
    clauses: ['RAFT-3.1'],
    mistake: 'a higher term learned from a message is adopted in memory only, not saved before the node answers',
    mustFail: [graded.termSurvives, graded.entrySurvives, graded.durableBeforeSend],
  },
  {
    name: 'log-not-synced-before-ack',
    clauses: ['RAFT-3.1'],
    mistake: 'log entries are appended to the file without sync(), so an acknowledged entry can be lost in a crash',
    mustFail: [graded.entrySurvives, graded.durableBeforeSend, graded.restartApplies, graded.crashes],
  },
  {
    name: 'no-directory-sync',
    clauses: ['RAFT-3.1'],
    mistake: 'the state and log files are created but syncDirectory() is never called, so after a crash they may not exist',
    mustFail: [graded.durableBeforeSend, graded.voteSurvives, graded.termSurvives, graded.entrySurvives, graded.restartApplies, graded.crashes],
  },
  {
    name: 'count-duplicate-votes',
    mistake: 'a candidate counts granted vote replies, not voters, so a duplicated vote counts twice',
    clauses: ['RAFT-1.9'],
    mustFail: [graded.voteReplies, graded.model],
  },
  {
    name: 'late-vote-elects-follower',
    mistake: 'a granted vote of the current term is counted whatever the role, so late votes elect a follower and make a leader start again',
    clauses: ['RAFT-1.9'],
    mustFail: [graded.voteReplies, graded.model],
  },
  {
    name: 'leader-state-kept-across-terms',
    mistake: 'on winning, nextIndex and matchIndex are set only for peers that have none, so a leader elected again keeps its old matchIndex',
    clauses: ['RAFT-2.4'],
    mustFail: [graded.reElected, graded.model],
  },
  {
    name: 'commit-majority-even',
    mistake: 'the majority index is taken at position ceil(n / 2) − 1, right for odd clusters and one too early for 2 and 4 nodes',
    clauses: ['RAFT-2.11', 'RAFT-0.10'],
    mustFail: [graded.leaderCommit, graded.appendReplies, graded.model],
  },
  {
    name: 'single-node-never-commits',
    mistake: 'the leader re-counts its majority only when a reply arrives, so a cluster of one never commits',
    clauses: ['RAFT-2.11', 'RAFT-0.10'],
    mustFail: [graded.leaderCommit, graded.smallClusters, graded.model],
  },
  {
    name: 'propose-synced-at-next-send',
    mistake: 'a proposal is synced only before the next AppendEntries leaves, so a leader alone commits and applies an entry a crash loses',
    clauses: ['RAFT-3.1'],
    mustFail: [graded.smallClusters, graded.model],
  },
  {
    name: 'raw-command-lines',
    mistake: 'the log file holds "<term> <command>" lines unescaped, so a command with a line break does not survive a restart',
    clauses: ['RAFT-2.13'],
    mustFail: [graded.model],
  },
  {
    name: 'term-stored-as-uint32',
    mistake: 'the state file holds the term in 32 bits, so a term of 2^32 or more comes back from disk wrapped around',
    clauses: ['RAFT-0.2'],
    mustFail: [graded.model],
  },
];
