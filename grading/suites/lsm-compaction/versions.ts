/**
 * The version as a model sees it: every field of what the manifest stores,
 * checked against what the operations that made it say it must be.
 *
 * - `canon` compares versions field by field, whatever order the keys of a
 *   decoded object come in.
 * - `versionProblems`: a version that is well formed on its disk (every
 *   level, every table's metadata against its file, names below nextFile).
 * - `compactionProblems`: the version a compaction must produce from the one
 *   before it (README task 3, `compact` steps 2 and 3), every field.
 * - `Recording`: a strategy that passes every call through to the learner's
 *   and remembers which version was made durable last and which one was on
 *   its way, so that a crash anywhere can be judged by what recover returns.
 */
import { readTable, tableFileName, logFileName, compareKeys, entryBytes, type Compaction, type Entry, type LsmOptions, type TableMeta, type Version } from '../../../exercises/lsm-compaction/format';
import type { Storage } from '../../../harness';
import type { LsmModule } from './tree';

/** A version (or anything JSON-like) as a string with its object keys sorted: equal exactly when every field is. */
export function canon(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareKeys(a, b))) : v,
  );
}

/** A deep copy a learner cannot reach afterwards. */
export const snapshot = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

const TABLE_NAME = /^(\d{6,})\.sst$/;
const LOG_NAME = /^(\d{6,})\.log$/;

/** The number in a table's or log's file name, or NaN. */
export const fileNumber = (name: string): number => Number((TABLE_NAME.exec(name) ?? LOG_NAME.exec(name))?.[1] ?? NaN);

/** What a table's metadata must say about its entries (what `writeTable` returns). */
export function metaProblems(t: TableMeta, entries: readonly Entry[], where: string): string[] {
  const problems: string[] = [];
  if (entries.length === 0) return [`${where} ${t.file}: a table with no entries`];
  const want = {
    smallest: entries[0]!.key,
    largest: entries[entries.length - 1]!.key,
    entries: entries.length,
    maxSeq: entries.reduce((max, e) => Math.max(max, e.seq), 0),
  };
  for (const [field, value] of Object.entries(want)) {
    const got = (t as unknown as Record<string, unknown>)[field];
    if (got !== value) problems.push(`${where} ${t.file}: its metadata says ${field} ${JSON.stringify(got)}, the file holds ${JSON.stringify(value)}`);
  }
  return problems;
}

/**
 * What is wrong with `version` on `storage`: the number of levels, L1 and
 * deeper sorted and disjoint, a table listed twice, a table or log name at or
 * past nextFile, a table whose metadata (every field: first and last key,
 * bytes, entries, maxSeq) does not match its file, a log that is not there.
 * `known` caches tables already checked (names are never reused while a disk
 * lives); pass a fresh map after a crash.
 */
export function versionProblems(version: Version, storage: Storage, options: LsmOptions, known = new Map<string, string>()): string[] {
  const problems: string[] = [];
  if (version.levels.length !== options.levels) problems.push(`the version has ${version.levels.length} levels; options.levels is ${options.levels}`);
  if (!Number.isSafeInteger(version.nextFile) || !Number.isSafeInteger(version.lastSeq)) problems.push(`nextFile ${version.nextFile} and lastSeq ${version.lastSeq} must be integers`);
  const logNumber = fileNumber(version.log);
  if (!(logNumber < version.nextFile)) problems.push(`the log ${version.log} is not a log named below nextFile ${version.nextFile}`);
  if (storage.read(version.log) === undefined) problems.push(`the log ${version.log} is not on disk`);
  const seen = new Set<string>();
  version.levels.forEach((level, i) => {
    level.forEach((t, j) => {
      if (seen.has(t.file)) problems.push(`${t.file} is listed twice`);
      seen.add(t.file);
      if (!(fileNumber(t.file) < version.nextFile) || t.file !== tableFileName(fileNumber(t.file))) problems.push(`L${i} ${t.file} is not a table named below nextFile ${version.nextFile}`);
      if (i > 0 && j > 0 && !(level[j - 1]!.largest < t.smallest)) problems.push(`L${i}: ${level[j - 1]!.file} and ${t.file} overlap or are out of order`);
      const key = `${t.file} ${canon(t)}`;
      if (known.has(key)) return;
      let entries: Entry[];
      try {
        entries = readTable(storage, t.file);
      } catch (error) {
        problems.push(`L${i} ${t.file}: ${(error as Error).message}`);
        return;
      }
      const wrong = metaProblems(t, entries, `L${i}`);
      const bytes = storage.read(t.file)!.length;
      if (t.bytes !== bytes) wrong.push(`L${i} ${t.file}: its metadata says ${t.bytes} bytes, the file has ${bytes}`);
      problems.push(...wrong);
      if (wrong.length === 0) known.set(key, '');
    });
  });
  return problems;
}

/** A compaction, and the entries of its inputs and overlapping tables as they were before it ran. */
export interface CompactionCase {
  readonly before: Version;
  readonly compaction: Compaction;
  readonly options: LsmOptions;
  readonly runs: readonly (readonly Entry[])[];
}

/** The merge of `runs` (newest seq of each key, tombstones gone if asked), cut greedily into tables of at most `target` bytes of entries. */
export function expectedOutputs(runs: readonly (readonly Entry[])[], dropTombstones: boolean, target: number): Entry[][] {
  const newest = new Map<string, Entry>();
  for (const e of runs.flat()) if ((newest.get(e.key)?.seq ?? -1) < e.seq) newest.set(e.key, e);
  const merged = [...newest.values()].filter((e) => !(dropTombstones && e.value === null)).sort((a, b) => compareKeys(a.key, b.key));
  const tables: Entry[][] = [];
  let bytes = 0;
  for (const e of merged) {
    const current = tables[tables.length - 1];
    if (current !== undefined && bytes + entryBytes(e) <= target) {
      current.push(e);
      bytes += entryBytes(e);
    } else {
      tables.push([e]);
      bytes = entryBytes(e);
    }
  }
  return tables;
}

const names = (tables: readonly TableMeta[]): string => tables.map((t) => t.file).join(', ') || 'none';

/**
 * What is wrong with `after` as the result of the compaction in `c`: the
 * levels it must not touch, the inputs and overlapping tables it must drop,
 * the outputs (named from nextFile up, the merge cut by targetFileBytes, each
 * table's metadata that of its file), nextFile past them, lastSeq and log as
 * they were.
 */
export function compactionProblems(c: CompactionCase, after: Version, storage: Storage): string[] {
  const { before, compaction, options } = c;
  const { level } = compaction;
  const problems: string[] = [];
  if (after.levels.length !== before.levels.length) return [`the new version has ${after.levels.length} levels, the old one ${before.levels.length}`];
  before.levels.forEach((tables, i) => {
    if (i !== level && i !== level + 1 && canon(after.levels[i]) !== canon(tables)) problems.push(`L${i} is not part of a compaction of L${level}, yet it changed: ${names(tables)} became ${names(after.levels[i]!)}`);
  });
  const gone = new Set([...compaction.inputs, ...compaction.overlapping].map((t) => t.file));
  const kept = before.levels[level]!.filter((t) => !gone.has(t.file));
  if (canon(after.levels[level]) !== canon(kept)) problems.push(`L${level} should keep ${names(kept)} (the inputs gone, the rest as they were, in their order); it holds ${names(after.levels[level]!)}`);
  const below = before.levels[level + 1]!;
  const stay = below.filter((t) => !gone.has(t.file));
  const next = after.levels[level + 1]!;
  const stayed = new Set(stay.map((t) => canon(t)));
  const outputs = next.filter((t) => !stayed.has(canon(t)));
  if (next.length - outputs.length !== stay.length) problems.push(`L${level + 1} should keep ${names(stay)} as they were, and add the outputs; it holds ${names(next)}`);
  for (let j = 1; j < next.length; j++) {
    if (!(next[j - 1]!.largest < next[j]!.smallest)) problems.push(`L${level + 1}: ${next[j - 1]!.file} and ${next[j]!.file} overlap or are out of order (sorted by key, disjoint)`);
  }
  const wantNames = outputs.map((_, i) => tableFileName(before.nextFile + i)).sort();
  const gotNames = outputs.map((t) => t.file).sort();
  if (canon(gotNames) !== canon(wantNames)) problems.push(`the outputs are named ${gotNames.join(', ') || 'nothing'}; tables take the numbers from nextFile (${before.nextFile}) up: ${wantNames.join(', ') || 'none'}`);
  const contents: Entry[][] = [];
  for (const t of outputs) {
    try {
      const entries = readTable(storage, t.file);
      contents.push(entries);
      problems.push(...metaProblems(t, entries, `output`));
      const bytes = storage.read(t.file)!.length;
      if (t.bytes !== bytes) problems.push(`output ${t.file}: its metadata says ${t.bytes} bytes, the file has ${bytes}`);
    } catch (error) {
      problems.push(`output ${t.file}: ${(error as Error).message}`);
    }
  }
  if (problems.length === 0) {
    const want = expectedOutputs(c.runs, compaction.dropTombstones, options.targetFileBytes);
    if (canon(contents) !== canon(want)) {
      const sizes = (tables: readonly (readonly Entry[])[]) => `[${tables.map((t) => `${t.length} entries, ${t.reduce((sum, e) => sum + entryBytes(e), 0)} B`).join('; ')}]`;
      problems.push(
        `the outputs hold ${sizes(contents)}; the merge of the inputs and overlapping tables (dropTombstones ${compaction.dropTombstones}), cut into tables of at most ` +
          `targetFileBytes = ${options.targetFileBytes} bytes of entries, filling each before the next, holds ${sizes(want)}`,
      );
    }
  }
  const used = outputs.map((t) => fileNumber(t.file));
  if (!(after.nextFile >= before.nextFile && used.every((n) => n < after.nextFile))) problems.push(`nextFile is ${after.nextFile}: it must move past the numbers the outputs used (from ${before.nextFile})`);
  if (after.lastSeq !== before.lastSeq) problems.push(`lastSeq became ${after.lastSeq}; a compaction keeps it as it was (${before.lastSeq})`);
  if (after.log !== before.log) problems.push(`log became ${after.log}; a compaction keeps it as it was (${before.log})`);
  return problems;
}

/** What a Recording saw: the version durable last, and the install or compaction under way when it stopped. */
export interface Trace {
  durable: Version | null;
  installing?: Version;
  compacting?: CompactionCase;
  /** What the last call to recover returned. */
  recovered?: Version | null;
  /** Compactions that returned, each checked by `onCompact`. */
  compactions: number;
}

/**
 * The learner's strategy with every call passed through and remembered in
 * `trace`. `on.compact` judges each compaction that returns, `on.recover`
 * each version recover returns, on the disk as recover left it.
 */
export function recording(
  impl: LsmModule,
  trace: Trace,
  options: LsmOptions,
  on: { compact?: (c: CompactionCase, after: Version, storage: Storage) => void; recover?: (version: Version | null, storage: Storage) => void } = {},
): LsmModule {
  return {
    mergeRuns: (runs, drop) => impl.mergeRuns(runs, drop),
    pickCompaction: (version, opts) => impl.pickCompaction(version, opts),
    compact(storage, version, compaction, opts) {
      const c: CompactionCase = { before: snapshot(version), compaction: snapshot(compaction), options, runs: [...compaction.inputs, ...compaction.overlapping].map((t) => readTable(storage, t.file)) };
      trace.compacting = c;
      const after = impl.compact(storage, version, compaction, opts);
      trace.compacting = undefined;
      trace.durable = snapshot(after);
      trace.compactions++;
      on.compact?.(c, after, storage);
      return after;
    },
    installVersion(storage, version) {
      trace.installing = snapshot(version);
      impl.installVersion(storage, version);
      trace.durable = trace.installing;
      trace.installing = undefined;
    },
    recover(storage) {
      const version = impl.recover(storage);
      trace.recovered = snapshot(version);
      trace.durable = trace.recovered ?? null;
      on.recover?.(version, storage);
      return version;
    },
  };
}

/**
 * Why `recovered` is not a version recover may return after a crash that
 * `trace` saw: the version durable last, or the one being installed when
 * the crash came (for a compaction, its result: checked by compactionProblems).
 */
export function recoveredProblems(trace: Trace, recovered: Version | null, storage: Storage): string[] {
  const got = canon(recovered);
  if (got === canon(trace.durable)) return [];
  if (trace.installing !== undefined && got === canon(trace.installing)) return [];
  const show = (v: Version | null | undefined) => (v === null || v === undefined ? String(v) : canon(v));
  if (trace.compacting !== undefined && recovered !== null) {
    const problems = compactionProblems(trace.compacting, recovered, storage);
    if (problems.length === 0) return [];
    return [`recover returned ${show(recovered)}\nwhich is neither the version installed last, ${show(trace.durable)}, nor the result of the compaction under way:\n${problems.join('\n')}`];
  }
  return [
    `recover returned ${show(recovered)}\nbut the version installed last is ${show(trace.durable)}` +
      (trace.installing === undefined ? ', and no install was under way' : `, and the one being installed ${show(trace.installing)}`),
  ];
}

/** A log file name, for versions made by hand. */
export const logName = logFileName;
