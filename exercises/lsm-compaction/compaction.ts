/**
 * Compaction for an LSM tree: the merge, the policy, and installing the
 * result so that no crash loses or resurrects a key. Your file.
 *
 * The tree around it (engine.ts: log, memtable, flush, reads, recovery) and
 * the file formats (format.ts: tables, manifest, helpers) are provided. The
 * tree calls your five functions; README "The tree and your five functions"
 * shows when. [LSM-0.3] Everything is synchronous and deterministic: no
 * clocks, no Math.random, no timers. [LSM-0.4] Nothing keeps state between
 * calls: what a function returns, and does to the disk, depends only on its
 * arguments and the disk (two trees may share this module; a crash forgets
 * all but the disk). [LSM-0.6] A key is any string, "" and "__proto__" too.
 *
 * The disk is `storage` (see @faultline/harness `Storage`): `write` and
 * `append` become durable only at `sync(file)`; a created, renamed or
 * removed name only at `syncDirectory()`; a crash loses what is not durable,
 * tears unsynced appends, and can leave a file rewritten in place with its
 * old contents, all of its new ones, or only a prefix of them.
 */
import { NotImplementedError, type Storage } from '@faultline/harness';
import type { Compaction, Entry, LsmOptions, Version } from './format';

// ---------------------------------------------------------------------------
// Task 1: the merge

/**
 * Merges sorted runs into one sorted run.
 *
 * - Each run is sorted by key ([LSM-1.1] `compareKeys`: UTF-16 code units)
 *   and holds at most one entry per key. [LSM-1.2] The runs come in no
 *   particular order: the newest version of a key is the one with the
 *   highest `seq`, wherever it is. [LSM-1.12] A seq is any integer from 0 to
 *   Number.MAX_SAFE_INTEGER. [LSM-1.13] Any number of runs, of any length.
 * - [LSM-1.3] The result is sorted by key and holds exactly one entry per
 *   key: [LSM-1.4] the newest version, as it is, whether it is a value or a
 *   tombstone ([LSM-1.5] only `value === null` is one). [LSM-1.11] It is a
 *   new array, the caller's to change.
 * - [LSM-1.6] With `dropTombstones`, a key whose newest version is a
 *   tombstone is left out altogether (its older versions too: they are
 *   deleted). [LSM-1.7] Without it, the tombstone is kept, because an older
 *   version may lie in a level below that this merge did not see.
 * - [LSM-1.8] The runs are not modified. [LSM-1.9] No runs, or only empty
 *   ones, merge to []. [LSM-1.10] With n entries in k runs, aim for
 *   O(n log k) comparisons: a heap of cursors, one per run.
 */
export function mergeRuns(runs: readonly (readonly Entry[])[], dropTombstones: boolean): Entry[] {
  throw new NotImplementedError(`mergeRuns (${runs.length} runs, dropTombstones ${dropTombstones})`);
}

// ---------------------------------------------------------------------------
// Task 2: the policy

/**
 * Chooses the next compaction, or null when the tree is in shape. Leveled
 * compaction, as LevelDB does it (README, task 2):
 *
 * - [LSM-2.2] Each level gets a score: L0 its table count / `l0Trigger`; L1
 *   up to the level above the bottom, its bytes / `levelTarget(options,
 *   level)`. The bottom level has no score. [LSM-2.3] Compact the level with
 *   the highest score if it is at least 1 (a tie goes to the upper level);
 *   otherwise return null.
 * - [LSM-2.4] From L0, the inputs are all of its tables (they overlap each
 *   other); [LSM-2.5] from a deeper level, one table (your choice, but it
 *   sets the write amplification the suite bounds, README LSM-2.12: the one
 *   that overlaps the fewest bytes of the next level per byte of its own
 *   stays within it; always the first or always the oldest does not).
 * - [LSM-2.6] `overlapping` is every table of `level + 1` whose range meets
 *   the inputs' key range, in that level's order, so the outputs can replace
 *   them without overlap.
 * - [LSM-2.7] `dropTombstones` is true exactly when no level below
 *   `level + 1` has a table whose range meets the range of the inputs and
 *   `overlapping` together.
 * - [LSM-2.8] A pure function of `version` and `options`: the same ones give
 *   the same compaction, whatever was asked before. Keep no state (no
 *   round-robin pointer in this module): derive any rotation from the version.
 * - [LSM-2.1] Do not modify `version`. [LSM-2.9] The policy must settle: the
 *   engine gives up after 256 compactions in a row.
 */
export function pickCompaction(version: Version, options: LsmOptions): Compaction | null {
  throw new NotImplementedError(`pickCompaction (${version.levels.length} levels, l0Trigger ${options.l0Trigger})`);
}

// ---------------------------------------------------------------------------
// Task 3: installing the result crash-safely

/**
 * Runs `compaction` on `version` and returns the version after it.
 *
 * 1. [LSM-3.1] Read the inputs and the overlapping tables (`readTable`) and
 *    merge them (your `mergeRuns`, with `compaction.dropTombstones`).
 * 2. [LSM-3.2] Cut the result into tables of at most `options.targetFileBytes`
 *    bytes of entries (`entryBytes`; at least one entry each; a table ends
 *    only where its next entry would take it past `targetFileBytes`),
 *    [LSM-3.3] named `tableFileName(n)` for n = version.nextFile,
 *    nextFile + 1, …; write each (`writeTable`) and [LSM-3.4] sync it.
 *    [LSM-3.5] An empty result writes no table.
 * 3. [LSM-3.6] Build the new version: the inputs gone from `level`, the
 *    overlapping tables gone from `level + 1` and the outputs in it, sorted
 *    by key; every other level as it was; `nextFile` past the numbers used;
 *    `lastSeq` and `log` as they were. A table is its file: `compaction`
 *    may hold equal copies of the version's tables, so match by `file`.
 *    Install it (`installVersion`).
 * 4. [LSM-3.7] Only then remove the input and overlapping files, and return
 *    the version installed.
 *
 * [LSM-3.8] Leave `version` and `compaction` as they are: the new version is
 * a new object. [LSM-3.9] A crash at any storage call in here must leave a
 * disk from which `recover` returns either the old version or the new one,
 * with every file it lists intact.
 */
export function compact(storage: Storage, version: Version, compaction: Compaction, options: LsmOptions): Version {
  throw new NotImplementedError(`compact (level ${compaction.level}, ${version.levels.length} levels, targetFileBytes ${options.targetFileBytes}, ${storage.list().length} files)`);
}

/**
 * [LSM-3.10] Makes `version` the one `recover` returns, atomically: a crash at
 * any storage call in here leaves either the previous version or this one,
 * never a torn mix, and once this returns, this one survives any crash.
 * [LSM-3.11] Encode it with `encodeManifest`. [LSM-3.12] You choose the
 * manifest's file name(s): at most two, and not ending in `.sst` or `.log`.
 * (Hint: rewriting a file in place is not atomic; a rename is.) [LSM-3.8]
 * Leave `version` as it is.
 */
export function installVersion(storage: Storage, version: Version): void {
  throw new NotImplementedError(`installVersion (${version.levels.length} levels, ${storage.list().length} files)`);
}

/**
 * [LSM-3.13] Returns the last version `installVersion` made durable, every
 * field as it was installed (the same when asked again), or null if there is
 * none (a new, empty disk). [LSM-3.14] Before returning, removes every file
 * that version does not need: tables and logs it does not list, and
 * leftovers of an install that did not finish. Only the version's tables,
 * its log and your manifest file(s) may remain; with no version, nothing.
 */
export function recover(storage: Storage): Version | null {
  throw new NotImplementedError(`recover (${storage.list().length} files on disk)`);
}
