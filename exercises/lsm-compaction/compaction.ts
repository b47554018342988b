/**
 * Compaction for an LSM tree: the merge, the policy, and installing the
 * result so that no crash loses or resurrects a key. Your file.
 *
 * The tree around it (engine.ts: log, memtable, flush, reads, recovery) and
 * the file formats (format.ts: tables, manifest, helpers) are provided. The
 * tree calls your five functions; README "The tree and your five functions"
 * shows when. Everything is synchronous and deterministic: no clocks, no
 * Math.random, no timers.
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
 * - Each run is sorted by key (`compareKeys`) and holds at most one entry per
 *   key. The runs come in no particular order: the newest version of a key
 *   is the one with the highest `seq`, wherever it is.
 * - The result is sorted by key and holds exactly one entry per key: the
 *   newest version, whether it is a value or a tombstone.
 * - With `dropTombstones`, a key whose newest version is a tombstone is left
 *   out altogether (its older versions too: they are deleted). Without it,
 *   the tombstone is kept, because an older version may lie in a level
 *   below that this merge did not see.
 * - The runs are not modified. With n entries in k runs, aim for
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
 * - Each level gets a score: L0 its table count / `l0Trigger`; L1 up to the
 *   level above the bottom, its bytes / `levelTarget(options, level)`. The
 *   bottom level has no score. Compact the level with the highest score if
 *   it is at least 1 (a tie goes to the upper level); otherwise return null.
 * - From L0, the inputs are all of its tables (they overlap each other);
 *   from a deeper level, one table (your choice; the reference takes the one
 *   that overlaps the fewest bytes of the next level per byte of its own).
 * - `overlapping` is every table of `level + 1` whose range meets the
 *   inputs' key range, so the outputs can replace them without overlap.
 * - `dropTombstones` is true only if no level below `level + 1` has a table
 *   whose range meets the range of the inputs and `overlapping` together.
 * - Do not modify `version`.
 */
export function pickCompaction(version: Version, options: LsmOptions): Compaction | null {
  throw new NotImplementedError(`pickCompaction (${version.levels.length} levels, l0Trigger ${options.l0Trigger})`);
}

// ---------------------------------------------------------------------------
// Task 3: installing the result crash-safely

/**
 * Runs `compaction` on `version` and returns the version after it.
 *
 * 1. Read the inputs and the overlapping tables (`readTable`) and merge them
 *    (your `mergeRuns`, with `compaction.dropTombstones`).
 * 2. Cut the result into tables of at most `options.targetFileBytes` bytes of
 *    entries (`entryBytes`; at least one entry each; a table ends only where
 *    its next entry would take it past `targetFileBytes`), named
 *    `tableFileName(n)` for n = version.nextFile, nextFile + 1, …; write
 *    each (`writeTable`) and sync it. An empty result writes no table.
 * 3. Build the new version: the inputs gone from `level`, the overlapping
 *    tables gone from `level + 1` and the outputs in it, sorted by key;
 *    `nextFile` past the numbers used. Install it (`installVersion`).
 * 4. Only then remove the input and overlapping files.
 *
 * A crash at any storage call in here must leave a disk from which `recover`
 * returns either the old version or the new one, with every file it lists
 * intact.
 */
export function compact(storage: Storage, version: Version, compaction: Compaction, options: LsmOptions): Version {
  throw new NotImplementedError(`compact (level ${compaction.level}, ${version.levels.length} levels, targetFileBytes ${options.targetFileBytes}, ${storage.list().length} files)`);
}

/**
 * Makes `version` the one `recover` returns, atomically: a crash at any
 * storage call in here leaves either the previous version or this one, never
 * a torn mix, and once this returns, this one survives any crash. Encode it
 * with `encodeManifest`. You choose the manifest's file name(s): at most two,
 * and not ending in `.sst` or `.log`. (Hint: rewriting a file in place is
 * not atomic; a rename is.)
 */
export function installVersion(storage: Storage, version: Version): void {
  throw new NotImplementedError(`installVersion (${version.levels.length} levels, ${storage.list().length} files)`);
}

/**
 * Returns the last version `installVersion` made durable, or null if there
 * is none (a new, empty disk). Before returning, removes every file that
 * version does not need: tables and logs it does not list, and leftovers of
 * an install that did not finish. Only the version's tables, its log and
 * your manifest file(s) may remain.
 */
export function recover(storage: Storage): Version | null {
  throw new NotImplementedError(`recover (${storage.list().length} files on disk)`);
}
