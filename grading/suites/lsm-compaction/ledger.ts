/**
 * The contract of LSM compaction, clause by clause: every normative sentence
 * of exercises/lsm-compaction/README.md and of compaction.ts's doc comments,
 * each with the id the README marks it with. grading/test/ledger.test.ts
 * holds README, stub, ledger and graded tests to each other.
 */
import { defineLedger } from '../../../harness/suite';

export const ledger = defineLedger('lsm-compaction', [
  // The whole exercise
  {
    id: 'LSM-0.1',
    summary: 'compaction.ts imports only its own folder and @faultline/harness',
    ungraded: 'enforced when the module loads (grading/import-guard.ts refuses the import, so every test fails to load), not by a graded test',
  },
  { id: 'LSM-0.2', summary: 'the provided files are not edited', ungraded: 'the grader uses its own copies of format.ts and engine.ts, so an edit changes nothing a test could observe' },
  { id: 'LSM-0.3', summary: 'synchronous and deterministic: no clocks, Math.random or timers' },
  { id: 'LSM-0.4', summary: 'no state between calls: results depend on arguments and disk only; two trees, or a tree before and after a crash, never share anything' },
  { id: 'LSM-0.5', summary: 'options are positive integers, levels at least 2, every value from 1 to MAX_SAFE_INTEGER allowed' },
  { id: 'LSM-0.6', summary: 'a key is any string: the empty string and "__proto__" included' },

  // Task 1: mergeRuns
  { id: 'LSM-1.1', summary: 'keys compare by UTF-16 code unit (compareKeys), not by locale' },
  { id: 'LSM-1.2', summary: 'runs come in no order: the newest version is the highest seq, in any run' },
  { id: 'LSM-1.3', summary: 'output sorted by key, exactly one entry per key of any run' },
  { id: 'LSM-1.4', summary: 'each key’s entry is its newest version, returned as it is' },
  { id: 'LSM-1.5', summary: 'only value === null is a tombstone; "" is a value' },
  { id: 'LSM-1.6', summary: 'with dropTombstones, a key whose newest version is a tombstone is left out with its older versions' },
  { id: 'LSM-1.7', summary: 'without dropTombstones, that tombstone is kept' },
  { id: 'LSM-1.8', summary: 'the runs and their entries are not modified' },
  { id: 'LSM-1.9', summary: 'no runs, or only empty runs, merge to []' },
  {
    id: 'LSM-1.10',
    summary: 'aim for O(n log k) comparisons',
    ungraded: 'advice, not contract: an O(n log n) merge is correct too, and the suite counts no comparisons and times nothing (LSM-1.13 only asks that large merges finish)',
  },
  { id: 'LSM-1.11', summary: 'the result is a new array: changing it changes no run' },
  { id: 'LSM-1.12', summary: 'seq is any integer from 0 to Number.MAX_SAFE_INTEGER; the same key and seq in two runs are one write' },
  { id: 'LSM-1.13', summary: 'any number of runs, of any length (thousands of runs, hundreds of thousands of entries)' },

  // Task 2: pickCompaction and the tree's shape
  { id: 'LSM-2.1', summary: 'pickCompaction leaves the version as it is' },
  { id: 'LSM-2.2', summary: 'scores: L0 tables / l0Trigger, L1 to the level above the bottom bytes / levelTarget, the bottom none' },
  { id: 'LSM-2.3', summary: 'the highest score at least 1 is compacted, the upper level on a tie; none reaching 1 gives null' },
  { id: 'LSM-2.4', summary: 'from L0, the inputs are all of its tables' },
  { id: 'LSM-2.5', summary: 'from a deeper level, one table of that level' },
  { id: 'LSM-2.6', summary: 'overlapping is every table of level + 1 meeting the inputs’ key range, in that level’s order' },
  { id: 'LSM-2.7', summary: 'dropTombstones exactly when no level below level + 1 meets the range of inputs and overlapping' },
  { id: 'LSM-2.8', summary: 'pickCompaction is a pure function of version and options: no state between calls' },
  { id: 'LSM-2.9', summary: 'a policy must settle: pickCompaction returns null within 256 compactions in a row' },
  { id: 'LSM-2.10', summary: 'after every flush: L1+ sorted and disjoint, tables match metadata, L0 below trigger, levels within target' },
  { id: 'LSM-2.11', summary: 'the tables probed per point read stay within the stated bound' },
  { id: 'LSM-2.12', summary: 'write amplification on the fixed workload stays within the stated bound' },
  { id: 'LSM-2.13', summary: 'space amplification after a full compaction stays within the stated bound' },

  // Task 3: compact, installVersion, recover
  { id: 'LSM-3.1', summary: 'compact merges the inputs and overlapping tables with dropTombstones' },
  { id: 'LSM-3.2', summary: 'outputs of at most targetFileBytes bytes of entries, at least one entry each, each filled before the next' },
  { id: 'LSM-3.3', summary: 'outputs named tableFileName(n) from version.nextFile up, with the metadata writeTable returns' },
  { id: 'LSM-3.4', summary: 'each output is synced before it is installed' },
  { id: 'LSM-3.5', summary: 'an empty merge writes no table' },
  { id: 'LSM-3.6', summary: 'the new version: inputs and overlapping gone, outputs in level + 1 sorted, other levels as they were, nextFile past the outputs, lastSeq and log unchanged' },
  { id: 'LSM-3.7', summary: 'install first, only then remove the input files; return the version installed' },
  { id: 'LSM-3.8', summary: 'compact leaves version and compaction as they were; installVersion leaves its version as it was' },
  { id: 'LSM-3.9', summary: 'a crash at any call of compact leaves the old or the new version, every listed table intact' },
  { id: 'LSM-3.10', summary: 'installVersion is atomic, and durable once it returns (with the names of the new log and tables)' },
  {
    id: 'LSM-3.11',
    summary: 'the manifest is encoded with encodeManifest',
    ungraded: 'how the manifest is encoded is invisible to the grader: only the learner’s own recover reads it, and what recover returns is graded (LSM-3.13)',
  },
  { id: 'LSM-3.12', summary: 'at most two manifest files, none named *.sst or *.log' },
  { id: 'LSM-3.13', summary: 'recover returns the last durable version, every field as installed, the same when asked again; null with no manifest' },
  { id: 'LSM-3.14', summary: 'recover removes every file the version does not need; with no manifest, leaves the disk empty' },
]);
