/**
 * The catalog: every exercise, in curriculum order, with its tasks and points
 * and the files that belong to the learner. The CLI, the reports, the vitest
 * projects and the README table all read it; nothing else lists exercises.
 */

export interface TaskSpec {
  readonly id: number;
  readonly title: string;
  /** The task's share of the exercise; the suite's tests for the task must add up to exactly this. */
  readonly points: number;
}

export interface ExerciseSpec {
  readonly slug: string;
  readonly title: string;
  /** One line: what the learner builds. */
  readonly summary: string;
  /** The module the alias `@impl/<slug>` resolves to, relative to the exercise folder. */
  readonly entry: string;
  /** The only files taken from a submission; everything else comes from the grader's checkout. */
  readonly learnerFiles: readonly string[];
  /** Files we provide beside the learner's (helpers the learner imports but does not edit). */
  readonly providedFiles: readonly string[];
  readonly tasks: readonly TaskSpec[];
  /** Starts every clause id of the exercise's contract ledger: `BF` gives `BF-2.3` (harness/suite/ledger.ts). */
  readonly clausePrefix: string;
  /**
   * Set while the exercise is being written (`npm run new-exercise` lays one out). A draft is graded only when
   * named, is left out of the README's table, of `npm run grade` and of `npm run progress`, and the repo's tests
   * waive what it cannot have yet, each waiver a todo (grading/test/drafts.test.ts). `npm run check -- <slug>`
   * lists what it still lacks; without this mark, the repo's tests hold the exercise to all of it.
   */
  readonly draft?: true;
}

export const catalog: readonly ExerciseSpec[] = [
  {
    slug: 'bloom-filter',
    clausePrefix: 'BF',
    title: 'Bloom filter',
    summary: 'A Bloom filter a storage engine can keep beside each SSTable: sized, double-hashed, mergeable, serialisable.',
    entry: 'bloom-filter.ts',
    learnerFiles: ['bloom-filter.ts'],
    providedFiles: ['murmur3.ts'],
    tasks: [
      { id: 1, title: 'Sizing', points: 20 },
      { id: 2, title: 'Add and query', points: 40 },
      { id: 3, title: 'Union and intersection', points: 20 },
      { id: 4, title: 'Serialisation', points: 20 },
    ],
  },
  {
    slug: 'vector-clock',
    clausePrefix: 'VC',
    title: 'Vector clocks',
    summary: 'Vector clocks that order events across nodes, stamp a message-passing system under faults, and keep concurrent writes as siblings.',
    entry: 'vector-clock.ts',
    learnerFiles: ['vector-clock.ts', 'causal-node.ts', 'versioned-store.ts'],
    providedFiles: [],
    tasks: [
      { id: 1, title: 'Vector clock', points: 40 },
      { id: 2, title: 'Timestamping events', points: 30 },
      { id: 3, title: 'Versioned store', points: 30 },
    ],
  },
  {
    slug: 'token-bucket',
    clausePrefix: 'TB',
    title: 'Token bucket',
    summary: 'A token-bucket rate limiter that is exact, cheap, bounded in memory, and does not break when the clock misbehaves.',
    entry: 'token-bucket.ts',
    learnerFiles: ['token-bucket.ts', 'keyed-limiter.ts'],
    providedFiles: [],
    tasks: [
      { id: 1, title: 'Token bucket', points: 35 },
      { id: 2, title: 'Time until available', points: 15 },
      { id: 3, title: 'Keyed limiter', points: 25 },
      { id: 4, title: 'Clocks that misbehave', points: 25 },
    ],
  },
  {
    slug: 'raft',
    clausePrefix: 'RAFT',
    title: 'Raft',
    summary: 'A Raft node that elects one leader per term, replicates a log that never forks, and survives crashes between a write and its sync.',
    entry: 'raft.ts',
    learnerFiles: ['raft.ts'],
    providedFiles: ['protocol.ts'],
    tasks: [
      { id: 1, title: 'Leader election', points: 35 },
      { id: 2, title: 'Log replication', points: 40 },
      { id: 3, title: 'Persistence and crash recovery', points: 25 },
    ],
  },
  {
    slug: 'lsm-compaction',
    clausePrefix: 'LSM',
    title: 'LSM compaction',
    summary: 'Compaction for an LSM tree: a k-way merge where the newest version wins, a leveled policy, and an install that no crash can tear.',
    entry: 'compaction.ts',
    learnerFiles: ['compaction.ts'],
    providedFiles: ['format.ts', 'engine.ts'],
    tasks: [
      { id: 1, title: 'Merging runs', points: 30 },
      { id: 2, title: 'Leveled compaction', points: 35 },
      { id: 3, title: 'Crash-safe installation', points: 35 },
    ],
  },
  {
    slug: 'consistent-hashing',
    clausePrefix: 'CH',
    title: 'Consistent hashing',
    summary: 'Placing keys on nodes so that membership changes move few of them: a vnode ring with preference lists, weighted rendezvous hashing, and jump hash.',
    entry: 'ring.ts',
    learnerFiles: ['ring.ts', 'rendezvous.ts', 'jump-hash.ts'],
    providedFiles: ['hash.ts'],
    tasks: [
      { id: 1, title: 'A ring with virtual nodes', points: 35 },
      { id: 2, title: 'Preference lists', points: 20 },
      { id: 3, title: 'Weighted rendezvous hashing', points: 20 },
      { id: 4, title: 'Jump consistent hash', points: 25 },
    ],
  },
  {
    slug: 'write-ahead-log',
    clausePrefix: 'WAL',
    title: 'Write-ahead log',
    summary: 'A log that keeps every synced record through any crash: LevelDB framing, recovery that tells a torn tail from corruption, segments with a checkpoint, and a log that stops when fsync fails.',
    entry: 'wal.ts',
    learnerFiles: ['framing.ts', 'wal.ts'],
    providedFiles: ['crc32c.ts', 'format.ts'],
    tasks: [
      { id: 1, title: 'Framing', points: 25 },
      { id: 2, title: 'Recovery', points: 30 },
      { id: 3, title: 'Segments and checkpoints', points: 25 },
      { id: 4, title: 'When the disk says no', points: 20 },
    ],
  },
  {
    slug: 'crdt',
    clausePrefix: 'CRDT',
    title: 'CRDTs',
    summary: 'Replicas that agree without coordinating: counters, a last-writer-wins register and an add-wins set whose merges are joins, gossiped as deltas, with dots that survive a crash.',
    entry: 'or-set.ts',
    learnerFiles: ['counters.ts', 'lww-register.ts', 'or-set.ts', 'gossip.ts'],
    providedFiles: ['types.ts'],
    tasks: [
      { id: 1, title: 'Counters', points: 20 },
      { id: 2, title: 'A register and an add-wins set', points: 35 },
      { id: 3, title: 'Delta gossip', points: 30 },
      { id: 4, title: 'Dots that survive a crash', points: 15 },
    ],
  },
  {
    slug: 'quorum',
    clausePrefix: 'QR',
    title: 'Quorum replication',
    summary: 'Dynamo-style replication with N, R and W: strict quorum reads and writes with timeouts, the read write-back that makes each key linearizable, and a sloppy quorum whose hints go home after a partition.',
    entry: 'quorum-node.ts',
    learnerFiles: ['replica.ts', 'quorum-node.ts'],
    providedFiles: ['types.ts', 'placement.ts'],
    tasks: [
      { id: 1, title: 'Strict quorums', points: 40 },
      { id: 2, title: 'Reads that write back', points: 25 },
      { id: 3, title: 'Sloppy quorums and hinted handoff', points: 35 },
    ],
  },
  {
    slug: 'stability',
    clausePrefix: 'SP',
    title: 'Stability patterns',
    summary: 'The patterns that stop a failing dependency from taking its callers down: backoff with jitter, retries with a deadline and a budget, a circuit breaker on the monotonic clock, and load shedding that keeps goodput up under overload.',
    entry: 'backoff.ts',
    learnerFiles: ['backoff.ts', 'retrier.ts', 'circuit-breaker.ts', 'load-shedder.ts'],
    providedFiles: ['types.ts'],
    tasks: [
      { id: 1, title: 'Backoff with jitter', points: 20 },
      { id: 2, title: 'Retries with a deadline and a budget', points: 25 },
      { id: 3, title: 'A circuit breaker', points: 30 },
      { id: 4, title: 'Load shedding', points: 25 },
    ],
  },
];

export function exerciseSpec(slug: string): ExerciseSpec {
  const spec = catalog.find((e) => e.slug === slug);
  if (!spec) {
    throw new RangeError(`catalog: no exercise "${slug}"; known: ${catalog.map((e) => e.slug).join(', ')}`);
  }
  return spec;
}

/** True for an exercise still being written: see `ExerciseSpec.draft`. */
export const isDraft = (spec: ExerciseSpec): boolean => spec.draft === true;

/** The exercises learners are given: the catalog without its drafts. */
export const shipped = (): readonly ExerciseSpec[] => catalog.filter((spec) => !isDraft(spec));

export const maxPoints = (spec: ExerciseSpec): number => spec.tasks.reduce((sum, t) => sum + t.points, 0);
