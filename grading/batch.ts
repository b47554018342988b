/**
 * Batch mode (`grade --batch DIR --out OUTDIR`): every plain folder directly
 * inside DIR is one student's submission, its learner files found by the rule
 * every grade uses (grading/submission.ts: `<student>/exercises/<slug>/<file>`
 * as in this repository, or the one copy elsewhere).
 *
 * - Each student is graded by our own CLI in a child process (`--submission`),
 *   several at a time, so one student's crash, hang or allocation cannot touch
 *   another's grade. A child past its time limit is stopped (its result file
 *   then lists every unfinished exercise unearned).
 * - Each student's reports go to `OUTDIR/<student>/` (the files in
 *   `report-files.ts`, plus `grade.log`, the grader's own output).
 * - Then `OUTDIR/summary.csv` and `OUTDIR/summary.md`: one row per student,
 *   sorted by name. Credit comes only from the student's result file, checked
 *   for consistency; a student without one scores 0 and says why. A student
 *   whose learner file was not found is `missing`, and says what was there.
 * - Each row's notes flag, per exercise, files identical to the reference
 *   solution or to another student's once comments and whitespace are
 *   normalised, the untouched stub, and files taken from somewhere other than
 *   `exercises/<slug>/`. The summaries are the instructor's: no student report
 *   says whose work matched, and no report holds a hash of the reference.
 *
 * Folder names are the students' and are not trusted: symbolic links and other
 * non-folders are skipped (and listed), and names are escaped in every output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExerciseSpec } from './catalog';
import { pool, runCli, type CliRun } from './child';
import type { RunResult, TestResult } from './model';
import { ROOT } from './paths';
import { REPORT_FILES } from './report-files';
import { stubOf } from './stubs';
import { normalisedHash, placementNote, takeSubmission } from './submission';

export interface BatchOptions {
  /** The folder of submissions. */
  readonly dir: string;
  /** Where each student's reports and the summaries go. */
  readonly out: string;
  readonly specs: readonly ExerciseSpec[];
  readonly seed: number;
  /** A private suite folder, passed to each child as `--suite`. */
  readonly suite?: string;
  /** Students graded at once. */
  readonly jobs: number;
  /** Wall-clock limit of one exercise run inside a child (`--time-limit`), in ms. */
  readonly attemptLimitMs?: number;
  /** Wall-clock limit of one student's whole grade, in ms. */
  readonly studentLimitMs: number;
  /** Aborting stops every running child and starts no more; the summary is still written. */
  readonly signal?: AbortSignal;
  readonly onStudent?: (row: StudentRow, done: number, total: number) => void;
}

/**
 * - `ok`: graded to the end;
 * - `missing`: graded to the end, but a learner file of some exercise was not in the submission (see the detail);
 * - `timed-out`: stopped at the student time limit (credit from its partial result file, if any);
 * - `failed-to-grade`: the grader exited abnormally, or left no valid result file;
 * - `interrupted`: the batch itself was interrupted before this student finished.
 */
export type StudentStatus = 'ok' | 'missing' | 'timed-out' | 'failed-to-grade' | 'interrupted';

/** A status of a student graded to the end: `ok` or `missing`. */
export const gradedToTheEnd = (status: StudentStatus): boolean => status === 'ok' || status === 'missing';

export interface StudentRow {
  readonly student: string;
  readonly status: StudentStatus;
  readonly score: number;
  readonly maxScore: number;
  /** Points per exercise slug (0 for an exercise with no result). */
  readonly exercises: Readonly<Record<string, number>>;
  readonly seconds: number;
  /** Why the status is not `ok`. */
  readonly detail: string;
  /** What the batch noticed about the student's files, each `<slug>: …` (copies, the untouched stub, where a file was taken from). */
  readonly notes: readonly string[];
}

export interface Skipped {
  readonly name: string;
  readonly why: string;
}

export interface BatchResult {
  readonly seed: number;
  readonly slugs: readonly string[];
  readonly rows: readonly StudentRow[];
  readonly skipped: readonly Skipped[];
}

/** The summaries' own names, which no student folder may take. */
export const SUMMARY_CSV = 'summary.csv';
export const SUMMARY_MD = 'summary.md';
export const STUDENT_LOG = 'grade.log';
const RESULT_FILE = REPORT_FILES.find((r) => r.flag === '--json')!.batchName;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The students of DIR: its plain folders, sorted; everything else is skipped with a reason. */
export function listSubmissions(dir: string): { students: string[]; skipped: Skipped[] } {
  const students: string[] = [];
  const skipped: Skipped[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (entry.isSymbolicLink()) skipped.push({ name, why: 'a symbolic link, not a folder' });
    else if (!entry.isDirectory()) skipped.push({ name, why: 'not a folder' });
    else if (name.startsWith('.')) skipped.push({ name, why: 'a hidden folder' });
    else if (name === SUMMARY_CSV || name === SUMMARY_MD) skipped.push({ name, why: 'its name is taken by the batch summary' });
    else students.push(name);
  }
  return { students: students.sort(byName), skipped: skipped.sort((a, b) => byName(a.name, b.name)) };
}

/**
 * The student's result file, if it is a well-formed faultline result for this
 * batch whose scores add up: the only source of credit.
 */
export function readResult(file: string, slugs: readonly string[], seed: number): RunResult | string {
  let run: RunResult;
  try {
    run = JSON.parse(fs.readFileSync(file, 'utf8')) as RunResult;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no result file was written' : 'the result file is not valid JSON';
  }
  if (typeof run !== 'object' || run === null || run.version !== 1 || !Array.isArray(run.exercises)) return 'the result file is not faultline JSON version 1';
  if (run.seed !== seed) return `the result file is for seed ${String(run.seed)}, not ${seed}`;
  const seen = new Set<string>();
  let total = 0;
  for (const exercise of run.exercises) {
    if (!slugs.includes(exercise?.name) || seen.has(exercise.name) || !Array.isArray(exercise.tests)) return 'the result file lists an exercise that was not graded';
    seen.add(exercise.name);
    const earned = (exercise.tests as readonly TestResult[]).reduce((sum, t) => sum + (t.status === 'passed' && Number.isInteger(t.points) && t.points === t.maxPoints ? t.points : 0), 0);
    if (earned !== exercise.score) return `the result file's score for ${exercise.name} does not add up`;
    total += earned;
  }
  if (total !== run.score) return "the result file's total score does not add up";
  return run;
}

const lastLine = (text: string): string => text.trim().split('\n').at(-1) ?? '';

function rowFor(student: string, options: BatchOptions, run: CliRun | undefined, interrupted: boolean, notes: readonly string[]): StudentRow {
  const slugs = options.specs.map((s) => s.slug);
  const catalogMax = options.specs.reduce((sum, spec) => sum + spec.tasks.reduce((s, t) => s + t.points, 0), 0);
  const result = run === undefined ? 'not started' : readResult(path.join(options.out, student, RESULT_FILE), slugs, options.seed);
  const exercises: Record<string, number> = Object.fromEntries(slugs.map((slug) => [slug, 0]));
  if (typeof result !== 'string') for (const exercise of result.exercises) exercises[exercise.name] = exercise.score;
  const score = typeof result === 'string' ? 0 : result.score;
  const maxScore = typeof result === 'string' || result.exercises.length < slugs.length ? catalogMax : result.maxScore;
  const seconds = run?.seconds ?? 0;
  const base = { student, score, maxScore, exercises, seconds, notes };
  if (interrupted || run === undefined) return { ...base, status: 'interrupted', detail: `the batch was interrupted${typeof result === 'string' ? `; ${result}` : ''}` };
  if (run.timedOut) return { ...base, status: 'timed-out', detail: `stopped after ${studentLimit(options) / 1000} s${typeof result === 'string' ? `; ${result}` : '; partial result'}` };
  if (run.code !== 0 || typeof result === 'string') {
    const exit = run.code === null ? `signal ${run.signal ?? 'unknown'}` : `exit code ${run.code}`;
    const why = typeof result === 'string' ? result : 'partial result';
    return { ...base, status: 'failed-to-grade', detail: `grader ${exit}; ${why}; last output: ${lastLine(run.output)}` };
  }
  const missing = result.exercises.flatMap((e) =>
    e.submitted?.status === 'missing' && Array.isArray(e.submitted.missing) ? e.submitted.missing.map((m) => `${e.name}: ${String(m.expected)} not found: ${String(m.found)}`) : [],
  );
  if (missing.length > 0) return { ...base, status: 'missing', detail: missing.join('; ') };
  return { ...base, status: 'ok', detail: '' };
}

/** The learner files of one exercise as the reference solution has them; undefined when solutions/ lacks one (a grader without them). */
function referenceFiles(spec: ExerciseSpec): { file: string; text: string }[] | undefined {
  try {
    return spec.learnerFiles.map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, 'solutions', spec.slug, file), 'utf8') }));
  } catch {
    return undefined;
  }
}

/** The learner files of one exercise as shipped (grading/stubs.ts); undefined when this checkout cannot say. */
function stubFiles(spec: ExerciseSpec): { file: string; text: string }[] | undefined {
  try {
    return spec.learnerFiles.map((file) => ({ file, text: stubOf(spec, file).toString('utf8') }));
  } catch {
    return undefined;
  }
}

const possessive = (students: readonly string[], most = 5): string => {
  const names = students.slice(0, most).map((s) => `${s}'s`);
  return students.length > most ? `${names.join(', ')} and ${students.length - most} more` : names.join(', ');
};

/**
 * What the summaries note about each student's files, per exercise, found by
 * the rule every grade uses: `identical to the reference` or `identical to
 * alice's` when their learner files match once comments and whitespace are
 * normalised (grading/submission.ts `normalisedHash`); `the untouched stub`;
 * where a file was taken from when not from `exercises/<slug>/`. Two untouched
 * stubs are not flagged as copies of each other.
 */
export function fileNotes(dir: string, students: readonly string[], specs: readonly ExerciseSpec[]): Map<string, string[]> {
  const notes = new Map<string, string[]>(students.map((s) => [s, []]));
  const hashes = new Map<string, Map<string, string>>(); // slug → student → hash
  for (const student of students) {
    for (const exercise of takeSubmission(path.join(dir, student), specs)) {
      for (const taken of exercise.submitted.files) {
        const note = placementNote(exercise.slug, taken);
        if (note !== undefined) notes.get(student)!.push(`${exercise.slug}: ${note}`);
      }
      if (exercise.submitted.status !== 'taken') continue;
      const files = [...exercise.contents].map(([file, bytes]) => ({ file, text: bytes.toString('utf8') }));
      if (!hashes.has(exercise.slug)) hashes.set(exercise.slug, new Map());
      hashes.get(exercise.slug)!.set(student, normalisedHash(files));
    }
  }
  for (const spec of specs) {
    const bySlug = hashes.get(spec.slug);
    if (bySlug === undefined) continue;
    const reference = referenceFiles(spec);
    const stub = stubFiles(spec);
    const referenceHash = reference === undefined ? undefined : normalisedHash(reference);
    const stubHash = stub === undefined ? undefined : normalisedHash(stub);
    const alike = new Map<string, string[]>();
    for (const [student, hash] of bySlug) alike.set(hash, [...(alike.get(hash) ?? []), student]);
    for (const [student, hash] of bySlug) {
      const others = alike.get(hash)!.filter((s) => s !== student);
      if (hash === referenceHash) notes.get(student)!.push(`${spec.slug}: identical to the reference`);
      else if (hash === stubHash) notes.get(student)!.push(`${spec.slug}: the untouched stub`);
      else if (others.length > 0) notes.get(student)!.push(`${spec.slug}: identical to ${possessive(others)}`);
    }
  }
  return notes;
}

function childArgs(student: string, options: BatchOptions): string[] {
  const into = path.join(options.out, student);
  return [
    '--submission',
    path.join(options.dir, student),
    '--seed',
    String(options.seed),
    ...REPORT_FILES.flatMap((r) => [r.flag, path.join(into, r.batchName)]),
    ...(options.suite === undefined ? [] : ['--suite', options.suite]),
    ...(options.attemptLimitMs === undefined ? [] : ['--time-limit', String(options.attemptLimitMs / 1000)]),
    ...options.specs.map((s) => s.slug),
  ];
}


/**
 * One student's wall-clock limit: `--student-time-limit`, stretched by jobs ÷ cores when there are more jobs
 * than cores. Each grade then gets that much less of the machine; its tests' budgets are CPU time and do not
 * mind (harness/deadline.ts), and neither may this backstop.
 */
function studentLimit(options: { readonly jobs: number; readonly studentLimitMs: number }): number {
  return Math.round(options.studentLimitMs * Math.max(1, options.jobs / os.availableParallelism()));
}

export async function gradeBatch(options: BatchOptions): Promise<BatchResult> {
  const { students, skipped } = listSubmissions(options.dir);
  fs.mkdirSync(options.out, { recursive: true });
  const notes = fileNotes(options.dir, students, options.specs);
  const running = new Set<() => void>();
  const stopAll = () => {
    for (const stop of running) stop();
  };
  options.signal?.addEventListener('abort', stopAll, { once: true });
  let done = 0;
  try {
    const rows = await pool(students, options.jobs, async (student) => {
      const into = path.join(options.out, student);
      // A previous batch's files must not be read as this one's.
      fs.rmSync(into, { recursive: true, force: true });
      let run: CliRun | undefined;
      if (!options.signal?.aborted) {
        fs.mkdirSync(into, { recursive: true });
        const child = runCli(childArgs(student, options), studentLimit(options));
        running.add(child.stop);
        run = await child.done;
        running.delete(child.stop);
        fs.writeFileSync(path.join(into, STUDENT_LOG), run.output);
      }
      // A grade that ran to the end before the batch was interrupted keeps its status.
      const row = rowFor(student, options, run, run === undefined || (options.signal?.aborted === true && run.code !== 0), notes.get(student) ?? []);
      options.onStudent?.(row, ++done, students.length);
      return row;
    });
    return { seed: options.seed, slugs: options.specs.map((s) => s.slug), rows, skipped };
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
  }
}

const percent = (score: number, max: number): number => (max === 0 ? 0 : Math.floor((100 * score) / max));

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
 * Text that a spreadsheet would read as a formula (= + - @, tab, CR) gets a
 * leading apostrophe first.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(batch: BatchResult): string {
  const header = ['student', 'score', 'max', 'percent', ...batch.slugs, 'status', 'seconds', 'seed', 'detail', 'notes'];
  const lines = [header.map(csvField).join(',')];
  for (const row of batch.rows) {
    const fields = [row.student, row.score, row.maxScore, percent(row.score, row.maxScore), ...batch.slugs.map((slug) => row.exercises[slug] ?? 0), row.status, Number(row.seconds.toFixed(1)), batch.seed, row.detail, row.notes.join('; ')];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Text for Markdown, inert: control characters shown as �, every ASCII punctuation mark backslash-escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, '\ufffd')
    .replace(/[!-\/:-@\[-`{-~]/g, '\\$&');
}

const STATUS_MARK: Record<StudentStatus, string> = { ok: '✅', missing: '📭', 'timed-out': '⏱', 'failed-to-grade': '❌', interrupted: '⏹' };

export function toBatchMarkdown(batch: BatchResult): string {
  const graded = batch.rows.filter((r) => gradedToTheEnd(r.status)).length;
  const out = [`## faultline batch: ${batch.rows.length} submission(s), seed \`${batch.seed}\``, ''];
  out.push(`| Student | Score | % | ${batch.slugs.map((s) => `\`${s}\``).join(' | ')} | Status | Time | Notes |`);
  out.push(`|---|---:|---:|${batch.slugs.map(() => '---:|').join('')}---|---:|---|`);
  for (const row of batch.rows) {
    const cells = [
      markdownText(row.student),
      `${row.score}/${row.maxScore}`,
      `${percent(row.score, row.maxScore)} %`,
      ...batch.slugs.map((slug) => String(row.exercises[slug] ?? 0)),
      `${STATUS_MARK[row.status]} ${row.status}${row.detail ? `: ${markdownText(row.detail)}` : ''}`,
      `${row.seconds.toFixed(1)} s`,
      row.notes.map(markdownText).join('; '),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  if (batch.skipped.length > 0) {
    out.push('Skipped, not graded:', '');
    for (const skip of batch.skipped) out.push(`- ${markdownText(skip.name)}: ${skip.why}`);
    out.push('');
  }
  out.push(`${graded} graded, ${batch.rows.length - graded} not graded to the end`, '');
  return out.join('\n');
}

export function writeSummaries(out: string, batch: BatchResult): void {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, SUMMARY_CSV), toCsv(batch));
  fs.writeFileSync(path.join(out, SUMMARY_MD), toBatchMarkdown(batch));
}
