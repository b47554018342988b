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
import type { Storage } from '@faultline/harness';
import {
  compareKeys,
  decodeManifest,
  encodeManifest,
  entryBytes,
  keyRange,
  levelTarget,
  overlapping as overlappingTables,
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

const MANIFEST = 'MANIFEST';
const MANIFEST_TMP = 'MANIFEST.tmp';

// ---------------------------------------------------------------------------
// Task 1: the merge

interface Cursor {
  readonly run: readonly Entry[];
  index: number;
}

/** Key ascending, then seq descending: the first entry of a key is its newest. */
function cursorLess(a: Cursor, b: Cursor): boolean {
  const ea = a.run[a.index]!;
  const eb = b.run[b.index]!;
  const c = compareKeys(ea.key, eb.key);
  if (c !== 0) return c < 0;
  return ea.seq > eb.seq;
}

function siftUp(heap: Cursor[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!cursorLess(heap[i]!, heap[parent]!)) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: Cursor[], i: number): void {
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < n && cursorLess(heap[l]!, heap[smallest]!)) smallest = l;
    if (r < n && cursorLess(heap[r]!, heap[smallest]!)) smallest = r;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}

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
  const heap: Cursor[] = [];
  for (const run of runs) {
    if (run.length === 0) continue;
    heap.push({ run, index: 0 });
    siftUp(heap, heap.length - 1);
  }
  const out: Entry[] = [];
  let lastKey: string | undefined;
  while (heap.length > 0) {
    const top = heap[0]!;
    const entry = top.run[top.index]!;
    top.index++;
    if (top.index < top.run.length) {
      siftDown(heap, 0);
    } else {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        siftDown(heap, 0);
      }
    }
    if (lastKey !== undefined && entry.key === lastKey) continue;
    lastKey = entry.key;
    if (entry.value === null && dropTombstones) continue;
    out.push(entry);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Task 2: the policy

/** Bytes of `next` that `table`'s range meets, per byte of `table`. */
function overlapRatio(table: TableMeta, next: readonly TableMeta[]): number {
  return totalBytes(overlappingTables(next, table.smallest, table.largest)) / Math.max(1, table.bytes);
}

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
  const levels = version.levels;
  const bottom = levels.length - 1;
  if (bottom < 1) return null;
  let bestLevel = -1;
  let bestScore = -Infinity;
  for (let level = 0; level < bottom; level++) {
    const tables = levels[level]!;
    const score = level === 0 ? tables.length / options.l0Trigger : totalBytes(tables) / levelTarget(options, level);
    if (score > bestScore) {
      bestScore = score;
      bestLevel = level;
    }
  }
  if (bestLevel < 0 || !(bestScore >= 1) || levels[bestLevel]!.length === 0) return null;

  const level = bestLevel;
  const next = levels[level + 1]!;
  let inputs: TableMeta[];
  if (level === 0) {
    inputs = [...levels[0]!];
  } else {
    let best = levels[level]![0]!;
    let bestRatio = overlapRatio(best, next);
    for (const t of levels[level]!) {
      const ratio = overlapRatio(t, next);
      if (ratio < bestRatio) {
        best = t;
        bestRatio = ratio;
      }
    }
    inputs = [best];
  }
  const inRange = keyRange(inputs);
  const overlapping = overlappingTables(next, inRange.smallest, inRange.largest);
  const all = keyRange([...inputs, ...overlapping]);
  let dropTombstones = true;
  for (let deeper = level + 2; deeper <= bottom; deeper++) {
    if (levels[deeper]!.some((t) => overlaps(t, all.smallest, all.largest))) {
      dropTombstones = false;
      break;
    }
  }
  return { level, inputs, overlapping, dropTombstones };
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
  const { level } = compaction;
  const runs = [...compaction.inputs, ...compaction.overlapping].map((t) => readTable(storage, t.file));
  const merged = mergeRuns(runs, compaction.dropTombstones);

  const chunks: Entry[][] = [];
  let current: Entry[] = [];
  let currentBytes = 0;
  for (const e of merged) {
    const size = entryBytes(e);
    if (current.length > 0 && currentBytes + size > options.targetFileBytes) {
      chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(e);
    currentBytes += size;
  }
  if (current.length > 0) chunks.push(current);

  let nextFile = version.nextFile;
  const outputs: TableMeta[] = [];
  for (const chunk of chunks) {
    const meta = writeTable(storage, tableFileName(nextFile++), chunk);
    storage.sync(meta.file);
    outputs.push(meta);
  }

  const inputNames = new Set(compaction.inputs.map((t) => t.file));
  const overlapNames = new Set(compaction.overlapping.map((t) => t.file));
  const levels = version.levels.map((tables, i) => {
    if (i === level) return tables.filter((t) => !inputNames.has(t.file));
    if (i === level + 1) return [...tables.filter((t) => !overlapNames.has(t.file)), ...outputs].sort((a, b) => compareKeys(a.smallest, b.smallest));
    return [...tables];
  });
  const next: Version = { levels, nextFile, lastSeq: version.lastSeq, log: version.log };
  installVersion(storage, next);

  for (const name of [...inputNames, ...overlapNames]) storage.remove(name);
  return next;
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
  storage.write(MANIFEST_TMP, encodeManifest(version));
  storage.sync(MANIFEST_TMP);
  storage.rename(MANIFEST_TMP, MANIFEST);
  storage.syncDirectory();
}

/**
 * Returns the last version `installVersion` made durable, or null if there
 * is none (a new, empty disk). Before returning, removes every file that
 * version does not need: tables and logs it does not list, and leftovers of
 * an install that did not finish. Only the version's tables, its log and
 * your manifest file(s) may remain.
 */
export function recover(storage: Storage): Version | null {
  const bytes = storage.read(MANIFEST);
  const version = bytes === undefined ? null : decodeManifest(bytes, MANIFEST);
  const live = new Set<string>();
  if (version !== null) {
    live.add(MANIFEST);
    live.add(version.log);
    for (const tables of version.levels) for (const t of tables) live.add(t.file);
    if (storage.read(version.log)?.length === 0) live.delete(version.log); // nothing to replay: garbage
  }
  let removed = false;
  for (const name of storage.list()) {
    if (!live.has(name)) {
      storage.remove(name);
      removed = true;
    }
  }
  if (removed) storage.syncDirectory();
  return version;
}
