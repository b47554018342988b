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
import type { Storage } from '@faultline/harness';
import {
  compareKeys,
  decodeManifest,
  encodeManifest,
  entryBytes,
  keyRange,
  levelTarget,
  overlapping,
  overlaps,
  readTable,
  tableFileName,
  totalBytes,
  writeTable,
  type Compaction,
  type Entry,
  type LsmOptions,
  type TableMeta,
  type Version,
} from './format';

/** The manifest: the only file `recover` trusts. */
const MANIFEST = 'MANIFEST';
/** Where `installVersion` writes the next manifest before renaming it over MANIFEST. */
const MANIFEST_TMP = 'MANIFEST.tmp';

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
  const out: Entry[] = [];
  // The runs that have entries, by index into `runs`.
  const live: number[] = [];
  for (let r = 0; r < runs.length; r++) if (runs[r]!.length > 0) live.push(r);
  if (live.length === 0) return out;
  if (live.length === 1) {
    // One run: it is already sorted with one entry per key.
    const run = runs[live[0]!]!;
    let last: string | undefined;
    let hasLast = false;
    for (let i = 0; i < run.length; i++) {
      const e = run[i]!;
      if (hasLast && e.key === last) continue;
      last = e.key;
      hasLast = true;
      if (dropTombstones && e.value === null) continue;
      out.push(e);
    }
    return out;
  }

  // A min-heap of cursors (run index; its position in pos[]), ordered by key
  // ascending, then seq descending: the first entry a key yields is its newest.
  const pos = new Array<number>(runs.length).fill(0);
  const heap = live.slice();
  const head = (r: number): Entry => runs[r]![pos[r]!]!;
  const less = (a: number, b: number): boolean => {
    const ea = head(a);
    const eb = head(b);
    if (ea.key < eb.key) return true;
    if (ea.key > eb.key) return false;
    if (ea.seq !== eb.seq) return ea.seq > eb.seq;
    return a < b;
  };
  const siftDown = (start: number): void => {
    const n = heap.length;
    let i = start;
    const item = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(heap[r]!, heap[l]!) ? r : l;
      if (!less(heap[c]!, item)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = item;
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);

  let last: string | undefined;
  let hasLast = false;
  while (heap.length > 0) {
    const top = heap[0]!;
    const e = head(top);
    pos[top]!++;
    if (pos[top]! < runs[top]!.length) {
      siftDown(0);
    } else {
      const tail = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = tail;
        siftDown(0);
      }
    }
    if (hasLast && e.key === last) continue; // an older version (or the same write again): shadowed
    last = e.key;
    hasLast = true;
    if (dropTombstones && e.value === null) continue; // deleted: the key goes, older versions with it
    out.push(e);
  }
  return out;
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
  const levels = version.levels;
  const count = levels.length;
  // Scores: L0 by tables, L1 .. the level above the bottom by bytes. The bottom has none.
  let bestLevel = -1;
  let bestScore = -Infinity;
  for (let level = 0; level < count - 1; level++) {
    const tables = levels[level]!;
    const score = level === 0 ? tables.length / options.l0Trigger : totalBytes(tables) / levelTarget(options, level);
    if (score > bestScore) {
      bestScore = score;
      bestLevel = level;
    }
  }
  if (bestLevel < 0 || !(bestScore >= 1)) return null;

  const level = bestLevel;
  const below = levels[level + 1]!;
  let inputs: TableMeta[];
  let overlap: TableMeta[];
  if (level === 0) {
    inputs = [...levels[0]!];
    const range = keyRange(inputs);
    overlap = overlapping(below, range.smallest, range.largest);
  } else {
    // One table: the one with the fewest bytes of overlapping tables in the
    // next level per byte of its own (RocksDB's kMinOverlappingRatio); on a
    // tie, the first in key order. Derived from the version alone.
    const tables = levels[level]!;
    let best: TableMeta | undefined;
    let bestOverlap: TableMeta[] = [];
    let bestRatio = Infinity;
    for (const t of tables) {
      const over = overlapping(below, t.smallest, t.largest);
      const ratio = totalBytes(over) / Math.max(1, t.bytes);
      if (best === undefined || ratio < bestRatio) {
        best = t;
        bestOverlap = over;
        bestRatio = ratio;
      }
    }
    if (best === undefined) return null;
    inputs = [best];
    overlap = bestOverlap;
  }

  // Tombstones may go only if no level below the output holds a table in the
  // key range of everything this compaction merges.
  const range = keyRange([...inputs, ...overlap]);
  let dropTombstones = true;
  for (let deeper = level + 2; deeper < count && dropTombstones; deeper++) {
    if (levels[deeper]!.some((t) => overlaps(t, range.smallest, range.largest))) dropTombstones = false;
  }
  return { level, inputs, overlapping: overlap, dropTombstones };
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
  const { level } = compaction;
  if (!Number.isInteger(level) || level < 0 || level + 1 >= version.levels.length) {
    throw new RangeError(`compact: level ${level} has no level below it in a version of ${version.levels.length} levels`);
  }

  // 1. Read and merge.
  const runs: Entry[][] = [];
  for (const t of compaction.inputs) runs.push(readTable(storage, t.file));
  for (const t of compaction.overlapping) runs.push(readTable(storage, t.file));
  const merged = mergeRuns(runs, compaction.dropTombstones);

  // 2. Cut into tables of at most targetFileBytes bytes of entries, each filled first; write and sync each.
  const outputs: TableMeta[] = [];
  let nextFile = version.nextFile;
  let chunk: Entry[] = [];
  let chunkBytes = 0;
  const emit = (): void => {
    const meta = writeTable(storage, tableFileName(nextFile++), chunk);
    storage.sync(meta.file);
    outputs.push(meta);
    chunk = [];
    chunkBytes = 0;
  };
  for (const e of merged) {
    const size = entryBytes(e);
    if (chunk.length > 0 && chunkBytes + size > options.targetFileBytes) emit();
    chunk.push(e);
    chunkBytes += size;
  }
  if (chunk.length > 0) emit();

  // 3. The new version, a new object; tables matched by file name.
  const inputFiles = new Set(compaction.inputs.map((t) => t.file));
  const overlapFiles = new Set(compaction.overlapping.map((t) => t.file));
  const levels: TableMeta[][] = version.levels.map((tables, i) => {
    if (i === level) return tables.filter((t) => !inputFiles.has(t.file));
    if (i === level + 1) {
      return [...tables.filter((t) => !overlapFiles.has(t.file)), ...outputs].sort((a, b) => compareKeys(a.smallest, b.smallest) || compareKeys(a.largest, b.largest));
    }
    return [...tables];
  });
  const next: Version = { levels, nextFile, lastSeq: version.lastSeq, log: version.log };
  installVersion(storage, next);

  // 4. Only now that the new manifest is durable: remove the inputs.
  const listed = new Set<string>();
  for (const tables of levels) for (const t of tables) listed.add(t.file);
  for (const file of [...inputFiles, ...overlapFiles]) {
    if (!listed.has(file)) storage.remove(file);
  }
  return next;
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
  // Write the whole manifest to a temporary name and make its contents
  // durable, then rename it over MANIFEST (atomic) and make the name durable.
  storage.write(MANIFEST_TMP, encodeManifest(version));
  storage.sync(MANIFEST_TMP);
  storage.rename(MANIFEST_TMP, MANIFEST);
  storage.syncDirectory();
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
  // Only MANIFEST is the truth: it is only ever a synced file renamed into
  // place. A MANIFEST.tmp is an install that did not finish; it is dropped.
  const bytes = storage.read(MANIFEST);
  const version = bytes === undefined ? null : decodeManifest(bytes, MANIFEST);

  const keep = new Set<string>();
  if (version !== null) {
    keep.add(MANIFEST);
    keep.add(version.log);
    for (const tables of version.levels) for (const t of tables) keep.add(t.file);
  }
  for (const name of storage.list()) {
    // A log newer than the version's may hold writes of a flush in progress: keep it.
    if (version !== null && name.endsWith('.log') && name > version.log) continue;
    if (!keep.has(name)) storage.remove(name);
  }
  // Make the removals durable, and with them the names of what remains: a
  // process crash may have left the install of this very version (its
  // rename, its log's and tables' names) in the directory but not durable.
  storage.syncDirectory();
  return version;
}
