/**
 * Broken install: the first manifest is written in place.
 *
 * The mistake: when there is no MANIFEST yet, installVersion writes it directly
 * and syncs it, reasoning that there is no old version to protect. A crash
 * before the sync leaves a MANIFEST that is empty or a prefix: recover cannot
 * decode it, and the new tree cannot even open. Only a sweep that crashes from
 * the very first storage call of a fresh disk finds it.
 *
 * Breaks LSM-3.10 (installVersion is atomic) from an empty disk.
 * Seen in: the zero-length files ext4 left after a crash when programs
 * rewrote a file without fsync (Launchpad bug #317781).
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

// ---------------------------------------------------------------------------
// Task 1: the merge

/** A min-heap of run cursors, ordered by key, then newest (highest seq) first. */
class Cursors {
  #heap: { run: readonly Entry[]; at: number }[] = [];

  push(run: readonly Entry[], at: number): void {
    if (at >= run.length) return;
    const heap = this.#heap;
    heap.push({ run, at });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(i, parent)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): { run: readonly Entry[]; at: number } | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && this.#before(l, m)) m = l;
      if (r < heap.length && this.#before(r, m)) m = r;
      if (m === i) return top;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }

  #before(i: number, j: number): boolean {
    const a = this.#heap[i]!;
    const b = this.#heap[j]!;
    const x = a.run[a.at]!;
    const y = b.run[b.at]!;
    const c = compareKeys(x.key, y.key);
    return c < 0 || (c === 0 && x.seq > y.seq);
  }
}

export function mergeRuns(runs: readonly (readonly Entry[])[], dropTombstones: boolean): Entry[] {
  const cursors = new Cursors();
  for (const run of runs) cursors.push(run, 0);
  const out: Entry[] = [];
  let lastKey: string | undefined;
  for (let top = cursors.pop(); top !== undefined; top = cursors.pop()) {
    const entry = top.run[top.at]!;
    cursors.push(top.run, top.at + 1);
    // The heap yields each key's newest version first; every older one is shadowed.
    if (entry.key === lastKey) continue;
    lastKey = entry.key;
    if (entry.value === null && dropTombstones) continue;
    out.push(entry);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Task 2: the policy

export function pickCompaction(version: Version, options: LsmOptions): Compaction | null {
  const { levels } = version;
  let best = -1;
  let bestScore = 1;
  if (levels[0]!.length >= options.l0Trigger) {
    best = 0;
    bestScore = levels[0]!.length / options.l0Trigger;
  }
  for (let level = 1; level < options.levels - 1; level++) {
    const score = totalBytes(levels[level]!) / levelTarget(options, level);
    if (score > bestScore || (score >= 1 && best === -1)) {
      best = level;
      bestScore = score;
    }
  }
  if (best === -1) return null;

  // L0 tables overlap each other, so all of them go down together; deeper, one table at a time.
  const inputs = best === 0 ? [...levels[0]!] : [cheapest(levels[best]!, levels[best + 1]!)];
  const range = keyRange(inputs);
  const below = overlapping(levels[best + 1]!, range.smallest, range.largest);
  const all = keyRange([...inputs, ...below]);
  const deeper = levels.slice(best + 2).some((level) => overlapping(level, all.smallest, all.largest).length > 0);
  return { level: best, inputs, overlapping: below, dropTombstones: !deeper };
}

/** The table whose compaction rewrites the fewest bytes of the next level per byte it moves down. */
function cheapest(level: readonly TableMeta[], next: readonly TableMeta[]): TableMeta {
  let choice = level[0]!;
  let ratio = Infinity;
  for (const t of level) {
    const r = totalBytes(overlapping(next, t.smallest, t.largest)) / t.bytes;
    if (r < ratio) {
      choice = t;
      ratio = r;
    }
  }
  return choice;
}

// ---------------------------------------------------------------------------
// Task 3: installing the result crash-safely

const MANIFEST = 'MANIFEST';
const MANIFEST_TMP = 'MANIFEST.tmp';

export function compact(storage: Storage, version: Version, compaction: Compaction, options: LsmOptions): Version {
  const { level, inputs, overlapping: below, dropTombstones } = compaction;
  const merged = mergeRuns(
    [...inputs, ...below].map((t) => readTable(storage, t.file)),
    dropTombstones,
  );

  // 1. Write every output and make it durable.
  let nextFile = version.nextFile;
  const outputs: TableMeta[] = [];
  for (let start = 0; start < merged.length; ) {
    let end = start + 1;
    let bytes = entryBytes(merged[start]!);
    while (end < merged.length && bytes + entryBytes(merged[end]!) <= options.targetFileBytes) bytes += entryBytes(merged[end++]!);
    const table = writeTable(storage, tableFileName(nextFile++), merged.slice(start, end));
    storage.sync(table.file);
    outputs.push(table);
    start = end;
  }

  // 2. Switch to the version that lists the outputs instead of the inputs.
  const gone = new Set([...inputs, ...below].map((t) => t.file));
  const levels = version.levels.map((tables, i) => {
    if (i === level) return tables.filter((t) => !gone.has(t.file));
    if (i === level + 1) return [...tables.filter((t) => !gone.has(t.file)), ...outputs].sort((a, b) => compareKeys(a.smallest, b.smallest));
    return tables;
  });
  const next: Version = { ...version, levels, nextFile };
  installVersion(storage, next);

  // 3. Only now are the inputs garbage.
  for (const file of gone) storage.remove(file);
  return next;
}

export function installVersion(storage: Storage, version: Version): void {
  // A rename replaces the old manifest whole or not at all; rewriting it in place could leave half of each.
  if (storage.read(MANIFEST) === undefined) {
    // the mistake: "nothing to protect yet", so the first one is written in place
    storage.write(MANIFEST, encodeManifest(version));
    storage.sync(MANIFEST);
    storage.syncDirectory();
    return;
  }
  storage.write(MANIFEST_TMP, encodeManifest(version));
  storage.sync(MANIFEST_TMP);
  storage.rename(MANIFEST_TMP, MANIFEST);
  storage.syncDirectory();
}

export function recover(storage: Storage): Version | null {
  const bytes = storage.read(MANIFEST);
  const version = bytes === undefined ? null : decodeManifest(bytes, MANIFEST);
  const live = new Set<string>([MANIFEST]);
  if (version !== null) {
    live.add(version.log);
    for (const level of version.levels) for (const t of level) live.add(t.file);
  }
  // Outputs of a compaction that never installed, inputs of one that did, a half-written manifest: all garbage now.
  for (const file of storage.list()) if (!live.has(file)) storage.remove(file);
  storage.syncDirectory();
  return version;
}
