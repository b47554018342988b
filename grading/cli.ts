/**
 * npm run grade -- [SLUG ...] [--solutions | --submission DIR] [--suite DIR] [--seed N]
 *                  [--json FILE] [--junit FILE] [--markdown FILE] [--gradescope FILE] [--classroom]
 *                  [--fail-under PCT] [--time-limit SECONDS]
 * npm run grade -- --batch DIR --out OUTDIR [--jobs N] [SLUG ...] [--suite DIR] [--seed N]
 *
 * Exit status: 0 when grading ran to the end, whatever the score; 1 when
 * --fail-under is given and the score is below it; 2 for a usage error, when
 * the grader itself failed, or when it was interrupted. The last line of the
 * report is always `N passed, M failed`: below --fail-under, the verdict is
 * printed on stderr just before it.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { helpText, parseCommand, UsageError, usageMessage } from './args';
import { catalog, exerciseSpec, isDraft, shipped, type ExerciseSpec } from './catalog';
import { commands } from './commands';
import { gradeBatch, writeSummaries, SUMMARY_CSV, SUMMARY_MD, type StudentRow } from './batch';
import { defaultJobs } from './child';
import { grade, assembleRun } from './grade';
import { inPlace, stageSubmission, type StagedImpl } from './impl';
import type { ExerciseResult, ImplKind, RunResult } from './model';
import { SuiteError, stageSuite, suiteSlugs, type StagedSuite } from './private-suite';
import { ROOT } from './paths';
import { REPORT_FILES } from './report-files';
import { scoreExercise } from './score';
import { renderRun, styleFor, toClassroomNotice, toClassroomResult } from './reports';
import { detailFromEnv, type Detail } from './reports/terminal';
import { DEFAULT_ATTEMPT_LIMIT_MS } from './runner';
import { DEFAULT_SEED, parseSeed } from '../harness/suite/env';

/** A batch stops one student's grade after this long per exercise graded. */
const STUDENT_LIMIT_PER_EXERCISE_MS = 10 * 60_000;

/** The help below the usage line (grading/commands.ts declares the options; grading/args.ts parses them). */
const HELP = `       npm run grade -- --batch DIR --out OUTDIR [SLUG ...] [options]

Grades each exercise (all of them when no SLUG is given, drafts apart) with its hidden suite.

  --solutions          grade the reference solutions/ instead of exercises/
  --submission DIR     grade the learner files found in DIR (exercises/<slug>/<file>, or the one copy elsewhere)
  --suite DIR          grade with the private suite DIR/<slug>/*.test.ts instead of ours
                       (without SLUG: the exercises DIR has a suite for)
  --seed N             run seed, an integer in [0, 4294967295] (default ${DEFAULT_SEED})
${REPORT_FILES.map((r) => `  ${`${r.flag} FILE`.padEnd(20)} write ${r.what}`).join('\n')}
  --classroom          for GitHub Classroom: print the "Points X/Y" notice its reporter records,
                       and write the result to $GITHUB_OUTPUT (output "result") when it is set
  --fail-under PCT     exit 1 when the total score is below PCT percent
  --verbose            every failure in full (by default: each task's first in full, the others in a line;
                       FAULTLINE_VERBOSE=1 does the same)
  --time-limit SECONDS wall-clock limit of one attempt at an exercise's suite (default ${DEFAULT_ATTEMPT_LIMIT_MS / 1000}), a backstop:
                       a test it cuts off is graded again once before it is charged
  --help               show this

batch mode, a class at once:
  --batch DIR          grade every folder DIR/<student>/ as a submission, each in its own process
  --out OUTDIR         write OUTDIR/<student>/ (${REPORT_FILES.map((r) => r.batchName).join(', ')}, grade.log),
                       OUTDIR/${SUMMARY_CSV} and OUTDIR/${SUMMARY_MD}
  --jobs N             students graded at once (default ${defaultJobs()}, one per core)
  --student-time-limit SECONDS
                       wall-clock limit of one student's grade (default ${STUDENT_LIMIT_PER_EXERCISE_MS / 1000} per exercise),
                       stretched by jobs ÷ cores when there are more jobs than cores

Drafts are graded only when named. Flags go after --, or npm keeps them for itself.`;

/** Exercises still being written (npm run new-exercise): graded only when named. */
function drafts(): string[] {
  return catalog.filter(isDraft).map((e) => e.slug);
}

interface CliOptions {
  slugs: string[];
  impl: ImplKind;
  submission?: string;
  suite?: string;
  seed: number;
  /** Report files by flag (`--json` → FILE). */
  reports: Map<string, string>;
  failUnder?: number;
  timeLimitMs?: number;
  classroom?: boolean;
  batch?: string;
  out?: string;
  jobs?: number;
  studentLimitMs?: number;
  verbose?: boolean;
}

const isFolder = (dir: string): boolean => fs.existsSync(dir) && fs.statSync(dir).isDirectory();
const inside = (dir: string, other: string): boolean => {
  const relative = path.relative(dir, other);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

function parse(argv: readonly string[]): CliOptions | 'help' {
  const parsed = parseCommand(commands.grade, argv);
  if (parsed === 'help') return 'help';
  const { values } = parsed;
  const options: CliOptions = { slugs: [...parsed.exercises], impl: 'exercises', seed: DEFAULT_SEED, reports: new Map() };
  const folder = (flag: string, text: string): string => {
    const dir = path.resolve(text);
    if (!isFolder(dir)) throw new UsageError(`${flag}: ${dir} is not a folder`);
    return dir;
  };
  const seconds = (flag: string, text: string): number => {
    const s = Number(text);
    if (!Number.isFinite(s) || s <= 0) throw new UsageError(`${flag} needs a positive number of seconds, not "${text}"`);
    return Math.round(s * 1000);
  };
  for (const report of REPORT_FILES) {
    const file = (values as Record<string, string | boolean | undefined>)[report.flag.slice(2)];
    if (typeof file === 'string') options.reports.set(report.flag, file);
  }
  if (values.verbose) options.verbose = true;
  if (values.solutions && values.submission !== undefined) throw new UsageError('--solutions and --submission cannot be combined: grade the reference or a submission');
  if (values.solutions) options.impl = 'solutions';
  if (values.submission !== undefined) {
    options.impl = 'submission';
    options.submission = folder('--submission', values.submission);
  }
  if (values.suite !== undefined) options.suite = folder('--suite', values.suite);
  if (values.seed !== undefined) {
    try {
      options.seed = parseSeed(values.seed);
    } catch {
      throw new UsageError(`--seed needs an integer in [0, 4294967295], not ${JSON.stringify(values.seed)}`);
    }
  }
  if (values.classroom) options.classroom = true;
  if (values['fail-under'] !== undefined) {
    const pct = Number(values['fail-under']);
    if (values['fail-under'].trim() === '' || !Number.isFinite(pct) || pct < 0 || pct > 100) throw new UsageError(`--fail-under needs a percentage from 0 to 100, not "${values['fail-under']}"`);
    options.failUnder = pct;
  }
  if (values['time-limit'] !== undefined) options.timeLimitMs = seconds('--time-limit', values['time-limit']);
  if (values.batch !== undefined) options.batch = folder('--batch', values.batch);
  if (values.out !== undefined) options.out = path.resolve(values.out);
  if (values.jobs !== undefined) {
    const jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs needs a positive integer, not "${values.jobs}"`);
    options.jobs = jobs;
  }
  if (values['student-time-limit'] !== undefined) options.studentLimitMs = seconds('--student-time-limit', values['student-time-limit']);
  if (options.batch !== undefined) {
    const single = [
      options.impl !== 'exercises' ? `--${options.impl}` : '',
      ...options.reports.keys(),
      options.failUnder !== undefined ? '--fail-under' : '',
      options.classroom ? '--classroom' : '',
    ].filter(Boolean);
    if (single.length > 0) throw new UsageError(`--batch grades every submission in its folder and writes their reports to --out; it cannot be combined with ${single.join(', ')}`);
    if (options.out === undefined) throw new UsageError('--batch needs --out OUTDIR, where the reports and summaries go');
    if (inside(options.batch, options.out) || inside(options.out, options.batch)) throw new UsageError(`--out ${options.out} and --batch ${options.batch} must not be inside one another`);
    if (fs.existsSync(options.out) && !isFolder(options.out)) throw new UsageError(`--out: ${options.out} exists and is not a folder`);
  } else {
    const batchOnly = [options.out !== undefined ? '--out' : '', options.jobs !== undefined ? '--jobs' : '', options.studentLimitMs !== undefined ? '--student-time-limit' : ''].filter(Boolean);
    if (batchOnly.length > 0) throw new UsageError(`${batchOnly.join(', ').replace(/, ([^,]*)$/, ' and $1')} ${batchOnly.length === 1 ? 'goes' : 'go'} only with --batch DIR, which grades a class at once`);
  }
  if (options.impl === 'solutions') {
    const missing = (options.slugs.length > 0 ? options.slugs : shipped().map((e) => e.slug)).filter((slug) => !isFolder(path.join(ROOT, 'solutions', slug)));
    if (missing.length > 0) throw new UsageError(`--solutions: this copy holds no reference solution for ${missing.join(', ')} (no solutions/<slug>/ folder; a learner edition ships none)`);
  }
  if (options.suite !== undefined) {
    try {
      options.slugs = suiteSlugs(options.suite, options.slugs);
    } catch (error) {
      if (error instanceof SuiteError) throw new UsageError(error.message);
      throw error;
    }
  }
  return options;
}

function writeReports(options: CliOptions, run: RunResult): void {
  for (const { flag, render } of REPORT_FILES) {
    const file = options.reports.get(flag);
    if (file === undefined) continue;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, render(run));
  }
}

/** Learner-chosen folder names on a terminal: control characters shown, not obeyed. */
const visible = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, '\ufffd');

async function batchMain(options: CliOptions, specs: readonly ExerciseSpec[]): Promise<number> {
  const out = options.out!;
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`grade: ${signal}: stopping every running grade; the summary lists who was not graded\n`);
    controller.abort(signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const jobs = options.jobs ?? defaultJobs();
  const started = performance.now();
  process.stderr.write(`grading the submissions in ${options.batch}, ${jobs} at a time (${os.availableParallelism()} cores)\n`);
  const batch = await gradeBatch({
    dir: options.batch!,
    out,
    specs,
    seed: options.seed,
    ...(options.suite === undefined ? {} : { suite: options.suite }),
    jobs,
    ...(options.timeLimitMs === undefined ? {} : { attemptLimitMs: options.timeLimitMs }),
    studentLimitMs: options.studentLimitMs ?? STUDENT_LIMIT_PER_EXERCISE_MS * specs.length,
    signal: controller.signal,
    onStudent: (row: StudentRow, done: number, total: number) =>
      process.stderr.write(`[${done}/${total}] ${visible(row.student)}: ${row.score}/${row.maxScore} ${row.status} (${row.seconds.toFixed(1)} s)\n`),
  });
  writeSummaries(out, batch);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  const width = Math.max(7, ...batch.rows.map((r) => visible(r.student).length));
  const lines = [`faultline · batch ${options.batch} · seed ${options.seed}`, ''];
  for (const row of batch.rows) {
    lines.push(`${visible(row.student).padEnd(width)}  ${`${row.score}/${row.maxScore}`.padStart(9)}  ${row.status}${row.detail ? `: ${visible(row.detail)}` : ''}`);
    for (const note of row.notes) lines.push(`${' '.repeat(width + 2)}note: ${visible(note)}`);
  }
  for (const skip of batch.skipped) lines.push(`skipped ${visible(skip.name)}: ${skip.why}`);
  lines.push('', `summaries: ${path.join(out, SUMMARY_CSV)}, ${path.join(out, SUMMARY_MD)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  // `missing` ran to the end too: what it lacks is the student's, and its detail says what.
  const graded = batch.rows.filter((r) => r.status === 'ok' || r.status === 'missing').length;
  lines.push(`${graded} graded, ${batch.rows.length - graded} not graded to the end`);
  console.log(lines.join('\n'));
  return controller.signal.aborted ? 2 : 0;
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    const parsed = parse(process.argv.slice(2));
    if (parsed === 'help') {
      process.stdout.write(helpText(commands.grade, HELP));
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(usageMessage(commands.grade, error.message));
      return 2;
    }
    throw error;
  }

  const specs: ExerciseSpec[] = options.slugs.length > 0 ? options.slugs.map(exerciseSpec) : [...shipped()];
  if (options.slugs.length === 0 && drafts().length > 0) process.stderr.write(`grade: not grading the drafts ${drafts().join(', ')}: name one to grade it\n`);
  for (const spec of specs.filter(isDraft)) process.stderr.write(`grade: ${spec.slug} is a draft: npm run check -- ${spec.slug} lists what it lacks\n`);
  if (options.batch !== undefined) return batchMain(options, specs);

  // A private suite is staged beside ours, and the runner's vitest reads its location from the environment.
  let suite: StagedSuite | undefined;
  let staged: StagedImpl | undefined;
  const cleanup = () => {
    staged?.cleanup();
    suite?.cleanup();
  };
  process.once('exit', cleanup);
  if (options.suite !== undefined) {
    suite = stageSuite(options.suite, specs.map((s) => s.slug));
    process.env.FAULTLINE_SUITE_DIR = suite.root;
  }
  staged = options.impl === 'submission' ? stageSubmission(options.submission!, specs) : inPlace(options.impl === 'solutions' ? 'solutions' : 'exercises');
  const finished: ExerciseResult[] = [];
  const base = { impl: options.impl, seed: options.seed, ...(options.submission === undefined ? {} : { submission: options.submission }) };

  // Interrupted (Ctrl-C, a CI job's timeout, a batch's time limit): still write a result file.
  // Finished exercises keep their results; the rest are listed with every point unearned.
  const onSignal = (signal: NodeJS.Signals) => {
    const partial = specs.map(
      (spec) => finished.find((e) => e.name === spec.slug) ?? scoreExercise(spec, [], new Map(), [`grader: interrupted by ${signal} before this exercise finished`]),
    );
    writeReports(options, assembleRun({ ...base, staged }, partial));
    cleanup();
    process.exit(2);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const run = await grade({
      specs,
      staged,
      ...base,
      ...(options.timeLimitMs === undefined ? {} : { attemptLimitMs: options.timeLimitMs }),
      onExerciseStart: (spec) => process.stderr.write(`grading ${spec.slug} …\n`),
      onExercise: (result) => {
        finished.push(result);
        process.stderr.write(`graded ${result.name}: ${result.score}/${result.maxScore}\n`);
      },
    });
    writeReports(options, run);
    const detail = options.verbose ? 'full' : detailFromEnv();
    const below = options.failUnder !== undefined && run.maxScore > 0 && (100 * run.score) / run.maxScore < options.failUnder;
    const verdict = below ? `grade: score ${run.score}/${run.maxScore} is below --fail-under ${options.failUnder} %` : undefined;
    if (options.classroom) reportToClassroom(run, detail, verdict);
    else printReport(renderRun(run, styleFor(process.stdout), detail), verdict);
    return below ? 1 : 0;
  } finally {
    cleanup();
  }
}

/**
 * The report on stdout, and a verdict (`--fail-under`) on stderr just before
 * the report's closing line, `N passed, M failed`, so that line stays the last
 * one read: both streams write synchronously (files, pipes and terminals, on
 * Linux and macOS), so a terminal or a log that takes both shows them in this
 * order.
 */
function printReport(report: string, verdict: string | undefined): void {
  const cut = report.lastIndexOf('\n') + 1;
  if (verdict !== undefined) {
    process.stdout.write(report.slice(0, cut));
    process.stderr.write(`${verdict}\n`);
  }
  process.stdout.write(`${verdict === undefined ? report : report.slice(cut)}\n`);
}

/**
 * GitHub Classroom reads the grade from the annotation "Points X/Y" titled
 * "Autograding complete", and its reporter from the step output `result`.
 * The report printed before it quotes what the code under test threw, so it
 * is fenced with ::stop-commands:: and a token the code cannot know: nothing
 * in it can print a workflow command, such as a notice with a forged score.
 */
function reportToClassroom(run: RunResult, detail: Detail, verdict: string | undefined): void {
  const token = randomUUID();
  console.log(`::stop-commands::${token}`);
  printReport(renderRun(run, styleFor(process.stdout), detail), verdict);
  console.log(`::${token}::`);
  console.log(toClassroomNotice(run));
  const output = process.env.GITHUB_OUTPUT;
  if (output) fs.appendFileSync(output, `result=${toClassroomResult(run)}\n`);
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`grade: the grader itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
