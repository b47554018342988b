/**
 * The committed incremental report of one exercise,
 * `grading/mutation/incremental/<slug>.json`: every mutant's verdict from the
 * last `npm run mutation -- <slug>`, with the inputs it was made from
 * (grading/mutation/inputs.ts), so that the next run reruns only what changed.
 *
 * It is StrykerJS's own incremental report, made small and stable enough to
 * commit: no copies of sources (the inputs' hashes stand for them), no
 * machine paths, timings or configuration; tests numbered in name order;
 * mutants in source order, one a line; only the first line of a verdict's
 * reason; `killedBy` for a killed mutant and `coveredBy` for any other, the
 * one list Stryker consults when it decides to reuse a verdict. Two full runs
 * of an unchanged checkout write the same file, short of a mutant whose
 * verdict itself is not deterministic.
 *
 * Before a run, `toStryker` turns it back into the report Stryker reads,
 * with today's sources and without the test files that changed, so that
 * Stryker treats their tests as new; `fromStryker` makes it from the report
 * Stryker writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths';
import { isTestFile, type Inputs } from './inputs';
import { trimReason, type StrykerReport } from './report';

/** A position in a source, lines and columns from 1 (the mutation testing report schema's). */
interface Position {
  readonly line: number;
  readonly column: number;
}

export interface CommittedMutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: { readonly start: Position; readonly end: Position };
  readonly status: string;
  readonly statusReason?: string;
  /** Only when true: a mutant in code that runs as the module loads, which no single test covers. */
  readonly static?: true;
  /** A killed mutant's killing tests. */
  readonly killedBy?: readonly string[];
  /** Any other mutant's covering tests. */
  readonly coveredBy?: readonly string[];
}

export interface CommittedReport {
  readonly exercise: string;
  readonly about: string;
  readonly inputs: Inputs;
  /** Test file → its tests; ids number every test of the suite by file, then name. */
  readonly testFiles: Readonly<Record<string, { readonly tests: readonly { readonly id: string; readonly name: string }[] }>>;
  /** Mutated file → its mutants, in source order. */
  readonly files: Readonly<Record<string, { readonly mutants: readonly CommittedMutant[] }>>;
}

/** What Stryker reads and writes as its incremental report: the fields of it this module uses. */
export interface StrykerIncrementalReport {
  readonly schemaVersion?: string;
  readonly files: Readonly<Record<string, { readonly language?: string; readonly source: string; readonly mutants: readonly StrykerMutantResult[] }>>;
  readonly testFiles?: Readonly<Record<string, { readonly source?: string; readonly tests: readonly { readonly id: string; readonly name: string }[] }>>;
}

/** A mutant as Stryker writes it: every list and flag it has, and the count of tests it ran. */
interface StrykerMutantResult extends Omit<CommittedMutant, 'static'> {
  readonly static?: boolean;
  readonly testsCompleted?: number;
}

/**
 * Marks each verdict handed to Stryker: a mutant it reuses keeps this count of
 * tests run, which no real run reports, so the report it writes tells which
 * verdicts were reused and which were run again.
 */
export const REUSED = -1;

export const incrementalFile = (slug: string, root = ROOT): string => path.join(root, 'grading', 'mutation', 'incremental', `${slug}.json`);

export function readCommitted(slug: string, root = ROOT): CommittedReport | undefined {
  const file = incrementalFile(slug, root);
  if (!fs.existsSync(file)) return undefined;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as CommittedReport;
  if (report.exercise !== slug || typeof report.inputs?.files !== 'object' || typeof report.files !== 'object' || typeof report.testFiles !== 'object') {
    throw new TypeError(`mutation: ${file} is not an incremental report of ${slug}; delete it and run \`npm run mutation -- ${slug}\` to write a new one`);
  }
  return report;
}

const byPosition = (a: Position, b: Position): number => a.line - b.line || a.column - b.column;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const numeric = (ids: Iterable<string>): string[] => [...new Set(ids)].sort((a, b) => Number(a) - Number(b));
const sortedKeys = <T>(record: Readonly<Record<string, T>>): [string, T][] => Object.entries(record).sort(([a], [b]) => byText(a, b));

/** The committed form of the report Stryker wrote after a run on `inputs`. */
export function fromStryker(slug: string, stryker: StrykerIncrementalReport, inputs: Inputs): CommittedReport {
  const tests = sortedKeys(stryker.testFiles ?? {}).flatMap(([file, { tests }]) =>
    [...tests].sort((a, b) => byText(a.name, b.name)).map((test) => ({ file, ...test })),
  );
  const renumber = new Map(tests.map((test, i) => [test.id, String(i)]));
  const ids = (list: readonly string[] | undefined): string[] => numeric((list ?? []).flatMap((id) => renumber.get(id) ?? []));
  const testFiles: Record<string, { tests: { id: string; name: string }[] }> = {};
  for (const test of tests) (testFiles[test.file] ??= { tests: [] }).tests.push({ id: renumber.get(test.id)!, name: test.name });
  const files = Object.fromEntries(
    sortedKeys(stryker.files).map(([file, { mutants }]) => [
      file,
      {
        mutants: [...mutants]
          .sort((a, b) => byPosition(a.location.start, b.location.start) || byPosition(a.location.end, b.location.end) || byText(a.mutatorName, b.mutatorName) || byText(a.replacement ?? '', b.replacement ?? ''))
          .map((m): CommittedMutant => {
            const reason = m.statusReason === undefined ? undefined : trimReason(m.statusReason);
            return {
              id: m.id,
              mutatorName: m.mutatorName,
              ...(m.replacement === undefined ? {} : { replacement: m.replacement }),
              location: { start: { line: m.location.start.line, column: m.location.start.column }, end: { line: m.location.end.line, column: m.location.end.column } },
              status: m.status,
              ...(reason ? { statusReason: reason } : {}),
              ...(m.static ? { static: true as const } : {}),
              ...(m.status === 'Killed' ? { killedBy: ids(m.killedBy) } : { coveredBy: ids(m.coveredBy) }),
            };
          }),
      },
    ]),
  );
  return {
    exercise: slug,
    about: `The verdict of every mutant of solutions/${slug}/ from its last mutation run, and the inputs that run read. Written by \`npm run mutation -- ${slug}\` (grading/mutation/run.ts); read by the next run and by the mutation gate. Do not edit it by hand.`,
    inputs,
    testFiles,
    files,
  };
}

/**
 * The report Stryker reads before an incremental run: the committed verdicts,
 * each marked REUSED, with today's source of each mutated file (`source`; its
 * hash is the recorded one, or the run is a full one). A test file whose hash
 * differs, or that is gone, is left out, so Stryker counts its tests as new:
 * it reruns every mutant they killed, and every mutant they now cover that
 * was not killed. When any test file changed, the static mutants that were
 * not killed are left out as well, since Stryker reuses those whatever the
 * tests (they have no per-test coverage), and run again.
 */
export function toStryker(committed: CommittedReport, current: Inputs, source: (file: string) => string): StrykerIncrementalReport {
  const unchanged = (file: string): boolean => committed.inputs.files[file] !== undefined && committed.inputs.files[file] === current.files[file];
  const testFiles = Object.fromEntries(Object.entries(committed.testFiles).filter(([file]) => unchanged(file)));
  const testsChanged = [...new Set([...Object.keys(committed.inputs.files), ...Object.keys(current.files)])].some(
    (file) => isTestFile(committed.exercise, file) && committed.inputs.files[file] !== current.files[file],
  );
  return {
    schemaVersion: '1.0',
    files: Object.fromEntries(
      Object.entries(committed.files).map(([file, { mutants }]) => [
        file,
        {
          language: 'typescript',
          source: source(file),
          mutants: mutants.filter((m) => !(testsChanged && m.static && m.status !== 'Killed')).map((m) => ({ ...m, testsCompleted: REUSED })),
        },
      ]),
    ),
    testFiles,
  };
}

/** How many of the verdicts in a report Stryker wrote it took from the committed report rather than a run. */
export const reusedCount = (stryker: StrykerIncrementalReport): number =>
  Object.values(stryker.files).reduce((sum, { mutants }) => sum + mutants.filter((m) => m.testsCompleted === REUSED).length, 0);

/** The committed verdicts with their sources, as grading/mutation/report.ts summarises them. */
export function withSources(committed: CommittedReport, source: (file: string) => string): StrykerReport {
  return { files: Object.fromEntries(Object.entries(committed.files).map(([file, { mutants }]) => [file, { source: source(file), mutants }])) };
}

/** JSON, two-space indented, but each object inside an array on a line of its own: a changed verdict is a changed line. */
export function serialise(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0 || !value.every((v) => typeof v === 'object' && v !== null)) return JSON.stringify(value);
    return `[\n${value.map((v) => `${inner}${JSON.stringify(v)}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${serialise(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function writeCommitted(report: CommittedReport, root = ROOT): string {
  const file = incrementalFile(report.exercise, root);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${serialise(report)}\n`);
  return file;
}
