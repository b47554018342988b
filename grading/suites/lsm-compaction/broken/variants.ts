/**
 * Our known-wrong compactions, and the graded tests each one must fail. Each is
 * `<name>.patch` beside this file: what the mistake is and where it shipped,
 * its clause ids, then a diff over the reference solution (solutions/lsm-
 * compaction/) that makes it (grading/variants/patch.ts). `npm run variant --
 * lsm-compaction <name>` prints the whole file a learner would have written.
 * The first tests named are the rule the mistake breaks; any others are tests
 * it also fails, each of them at seed 1.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  sortedUnique: 'the merge is sorted by key, holds one entry per key, and every key of the inputs that is still live',
  newestWins: 'the newest version of a key (the highest seq) wins, whatever the order of the runs',
  tombstoneKept: 'without dropTombstones, a key whose newest version is a tombstone keeps that tombstone, and nothing older',
  tombstoneDropped: 'with dropTombstones, a deleted key disappears altogether: no older version of it comes back',
  emptyValue: 'an empty string is a value, not a tombstone: only null deletes',
  codeUnitOrder: 'keys compare by UTF-16 code unit, as compareKeys does, not by locale: "Z" before "a", "é" after "z", lone surrogates included',
  newArray: 'mergeRuns returns a new array of the entries as they are: the caller may change it, and no run changes with it',
  largeMerge: 'many runs and long runs merge as a few short ones do: 1 000 runs, and a run of 130 000 entries',
  runsUntouched: 'the runs are not modified, and no runs or only empty runs merge to nothing',
  levelChoice: 'the level with the highest score is compacted (L0: tables / l0Trigger; deeper: bytes / target), the upper one on a tie, and none while every score is below 1',
  inputsAndOverlap: 'a compaction takes all of L0, or one table of a deeper level, with exactly the tables of the next level that overlap it, in that level’s order',
  dropRule: 'tombstones may be dropped only when no level below the output holds a table in the compaction’s key range',
  purity: 'pickCompaction is a pure function of the version and the options: asked again, in any order, it chooses the same compaction',
  model: 'through random puts, deletes, flushes and compactions on two trees at once, every get and scan matches a Map of that tree’s writes',
  structure: 'after every flush, L1 and deeper are sorted and disjoint, every table matches its metadata, L0 is below its trigger and each level within its target',
  readAmp: 'a point read probes at most l0Trigger − 1 tables of L0 and one per deeper level (6 with the test’s options), however many writes came before',
  writeAmp: 'write amplification on a fixed workload of 20 000 writes over 2 000 keys is at most 9: bytes written to tables per byte written by the user',
  spaceAmp: 'after a full compaction into the bottom level, the disk holds each live key once and no tombstone: at most 1.1× the bytes of the live data',
  crashSweep: 'a crash at any storage call of a flush and the compactions it starts loses no acknowledged write and brings back no deleted key',
  freshSweep: 'from a fresh disk, a crash at any storage call, from the very first one on, loses no acknowledged write and brings back no deleted key',
  versionExact: 'after a crash at any storage call, from a fresh disk or a warm tree, recover returns exactly the version installed last or the one being installed, every field as it was',
  orphans: 'after recovery from a crash at any storage call, from a fresh disk or a warm tree, only the manifest and the files its version lists remain, as soon as recover returns: no orphan outlives a restart',
  atomicInstall: 'installVersion is atomic: a crash at any storage call inside it leaves the old version or the new one, and once it returns the new one survives any crash',
  recoverReturns: 'recover returns null on a disk no install finished on, and leaves it empty; otherwise the version installed last, every field exactly as it was installed, however often it is asked',
  outputSizes: 'compact cuts its output into tables of at most targetFileBytes bytes of entries, filling each table before it starts the next',
  compactVersion: 'compact returns the version its compaction describes, every field, installs it durably, removes its input files only then, and leaves its arguments as they were',
  modelWithCrashes: 'through random puts, deletes, flushes, compactions and crashes of every kind on two trees at once, every read matches a Map of that tree’s acknowledged writes, and every version, field by field, is the one its operations describe',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: 'drop-tombstones-above-bottom',
    mistake: 'pickCompaction always sets dropTombstones, so a tombstone is dropped above an older value of its key in a deeper level, and the deleted key reappears',
    clauses: ['LSM-2.7'],
    mustFail: [graded.dropRule, graded.structure, graded.spaceAmp],
  },
  {
    name: 'tombstone-check-one-level',
    mistake: 'dropTombstones checks only level + 2 for an overlapping table, not every deeper level, so an L0 compaction drops a tombstone over a value in L3',
    clauses: ['LSM-2.7'],
    mustFail: [graded.dropRule],
  },
  {
    name: 'oldest-version-wins',
    mistake: 'mergeRuns keeps the lowest-seq version of each key instead of the highest',
    clauses: ['LSM-1.2', 'LSM-1.4'],
    mustFail: [graded.newestWins, graded.sortedUnique, graded.tombstoneKept, graded.tombstoneDropped, graded.emptyValue, graded.runsUntouched, graded.model, graded.structure, graded.spaceAmp, graded.crashSweep, graded.modelWithCrashes],
  },
  {
    name: 'first-run-wins',
    mistake: 'mergeRuns keeps the version from the run listed first, not the one with the highest seq: right in the engine’s newest-first order, wrong for runs in any other order',
    clauses: ['LSM-1.2'],
    mustFail: [graded.newestWins, graded.sortedUnique, graded.tombstoneKept, graded.tombstoneDropped],
  },
  {
    name: 'tombstones-filtered-before-merge',
    mistake: 'with dropTombstones, mergeRuns removes the tombstones from each run before merging, so a deleted key’s older version from another run survives',
    clauses: ['LSM-1.6'],
    mustFail: [graded.tombstoneDropped, graded.sortedUnique, graded.runsUntouched, graded.model, graded.structure, graded.spaceAmp, graded.modelWithCrashes],
  },
  {
    name: 'delete-inputs-before-install',
    mistake: 'compact removes the input and overlapping files, and syncs the directory, before installVersion, so a crash leaves the old manifest naming files that are gone',
    clauses: ['LSM-3.7', 'LSM-3.9'],
    mustFail: [graded.crashSweep],
  },
  {
    name: 'manifest-rewritten-in-place',
    mistake: 'installVersion rewrites MANIFEST in place and syncs it, with no temporary file and no rename, so a crash before the sync can tear it',
    clauses: ['LSM-3.10'],
    mustFail: [graded.atomicInstall, graded.crashSweep, graded.orphans],
  },
  {
    name: 'rename-without-sync',
    mistake: 'installVersion renames MANIFEST.tmp over MANIFEST and syncs the directory but never syncs MANIFEST.tmp, so a crash can leave MANIFEST empty or torn',
    clauses: ['LSM-3.10'],
    mustFail: [graded.atomicInstall, graded.crashSweep, graded.orphans, graded.modelWithCrashes],
  },
  {
    name: 'outputs-not-synced',
    mistake: 'compact writes its output tables but installs the version listing them without syncing them, so a crash can leave a listed table empty or torn',
    clauses: ['LSM-3.4', 'LSM-3.9'],
    mustFail: [graded.crashSweep, graded.orphans, graded.modelWithCrashes],
  },
  {
    name: 'overlapping-l1-outputs',
    mistake: 'an L0 compaction takes none of the L1 tables its range overlaps (overlapping: []), so its outputs overlap them and L1 is no longer disjoint',
    clauses: ['LSM-2.6'],
    mustFail: [graded.inputsAndOverlap, graded.structure, graded.model, graded.crashSweep, graded.modelWithCrashes],
  },
  {
    name: 'no-compaction-trigger',
    mistake: 'L0 gets no score, so l0Trigger never fires: flushed tables pile up in L0 and read amplification grows without bound',
    clauses: ['LSM-2.2', 'LSM-2.3'],
    mustFail: [graded.levelChoice, graded.readAmp, graded.structure, graded.writeAmp, graded.crashSweep, graded.orphans],
  },
  {
    name: 'only-l0-compacted',
    mistake: 'only L0 is scored: L0 is compacted at its trigger, but L1 and deeper never are, so L1 grows past its target without bound',
    clauses: ['LSM-2.2'],
    mustFail: [graded.levelChoice, graded.structure, graded.writeAmp],
  },
  {
    name: 'orphans-kept',
    mistake: 'recover returns the manifest’s version but removes no files, so leftovers of interrupted flushes, compactions and installs stay on disk',
    clauses: ['LSM-3.14'],
    mustFail: [graded.orphans],
  },
  {
    name: 'file-number-reused',
    mistake: 'compact returns the new version with nextFile unchanged, so later tables and logs take the names of live outputs',
    clauses: ['LSM-3.6', 'LSM-3.3'],
    mustFail: [graded.model, graded.structure, graded.readAmp, graded.writeAmp, graded.spaceAmp, graded.crashSweep, graded.modelWithCrashes],
  },
  {
    name: 'inputs-never-deleted',
    mistake: 'compact installs the new version but never removes its input and overlapping files: space leaks until a restart’s recover removes them',
    clauses: ['LSM-3.7'],
    mustFail: [graded.spaceAmp, graded.orphans],
  },
  {
    name: 'outputs-one-table',
    mistake: 'compact writes its whole merge as one table, whatever targetFileBytes says, so tables grow as large as the compactions that made them',
    clauses: ['LSM-3.2'],
    mustFail: [graded.outputSizes],
  },
  {
    name: 'stateful-round-robin',
    mistake: 'pickCompaction rotates through a deeper level with a pointer kept in the module, so the same version asked twice gets two different tables',
    clauses: ['LSM-2.8', 'LSM-0.4'],
    mustFail: [graded.purity],
  },
  {
    name: 'merge-returns-run',
    mistake: 'mergeRuns returns the one run that holds entries itself, so the caller changing the result changes the engine’s cached table',
    clauses: ['LSM-1.11'],
    mustFail: [graded.newArray],
  },
  {
    name: 'empty-key-sentinel',
    mistake: 'mergeRuns starts with lastKey = "" to mean no key yet, so the empty-string key is skipped as a repeat and lost',
    clauses: ['LSM-0.6', 'LSM-1.3'],
    mustFail: [graded.sortedUnique, graded.newestWins, graded.model, graded.freshSweep, graded.compactVersion, graded.modelWithCrashes],
  },
  {
    name: 'plain-object-seen',
    mistake: 'mergeRuns remembers emitted keys in a plain object, so keys such as "constructor" and "__proto__" look seen and are skipped',
    clauses: ['LSM-0.6', 'LSM-1.3'],
    mustFail: [graded.sortedUnique, graded.newestWins, graded.model, graded.freshSweep, graded.compactVersion, graded.modelWithCrashes],
  },
  {
    name: 'lastseq-from-tables',
    mistake: 'compact recomputes lastSeq from the tables of the new version, so a dropped tombstone that held the highest seq lowers it',
    clauses: ['LSM-3.6'],
    mustFail: [graded.compactVersion, graded.versionExact, graded.modelWithCrashes],
  },
  {
    name: 'null-recovery-keeps-files',
    mistake: 'recover returns null as soon as it finds no manifest, leaving what an unfinished first install wrote on disk',
    clauses: ['LSM-3.14'],
    mustFail: [graded.recoverReturns],
  },
  {
    name: 'first-install-in-place',
    mistake: 'installVersion writes the first manifest in place (there is no old one to protect), so a crash from a fresh disk can leave a torn MANIFEST',
    clauses: ['LSM-3.10'],
    mustFail: [graded.freshSweep, graded.orphans, graded.recoverReturns],
  },
  {
    name: 'table-cache-by-name',
    mistake: 'compact reads tables through a module-level cache keyed by file name, so a second tree, or a tree after a crash that lost a table, gets another table’s entries under the same name',
    clauses: ['LSM-0.4'],
    mustFail: [graded.model, graded.crashSweep, graded.freshSweep, graded.modelWithCrashes],
  },
];
