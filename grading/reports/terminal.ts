/**
 * The terminal report, written to fit a screen: per exercise, for each task
 * short of full marks, its first failure in full (why, the counterexample,
 * seed, replay, the README clauses, the test's hint) and the others one line
 * each, or one line for a task not started; the task's staged hint; then the
 * score table, so the last lines are always the score, and the closing line
 * `N passed, M failed`. A submission that did not load says so once; an
 * exercise whose learner file was not submitted says which, and what was there
 * instead. A submission's header names its commit and the hash of its files.
 * `detail: 'full'` (FAULTLINE_VERBOSE=1, `npm run grade -- --verbose`) lists
 * every failure in full.
 */
import type { ExerciseResult, Provenance, RunResult, TaskHint, TestResult } from '../model';
import { countStatuses, isMissing, isNotImplemented } from '../model';
import { hintCommand, hintLabel } from '../hints';
import { whereLooked } from '../submission';

export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, green: (s) => s, red: (s) => s, yellow: (s) => s };
const code = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const ansi: Style = { bold: code(1, 22), dim: code(2, 22), green: code(32, 39), red: code(31, 39), yellow: code(33, 39) };

/** Colour when writing to a terminal that wants it (NO_COLOR and FORCE_COLOR=0 turn it off). */
export function styleFor(stream: NodeJS.WriteStream): Style {
  if (process.env.NO_COLOR || process.env.FORCE_COLOR === '0') return plain;
  return stream.isTTY || process.env.FORCE_COLOR ? ansi : plain;
}

const percent = (score: number, max: number): number => (max === 0 ? 0 : Math.floor((100 * score) / max));

export function bar(score: number, max: number, width = 20): string {
  const filled = max === 0 ? 0 : Math.round((width * score) / max);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** Learner-controlled text may carry escape sequences that would repaint the terminal: show them, do not obey them. */
const visible = (text: string): string => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd');

export const indent = (text: string, by: string): string => text.split('\n').map((line) => by + line).join('\n');

/** How much of a report to print: the first failure of each task in full and one line for the others, or all in full. */
export type Detail = 'compact' | 'full';

/** The variable that asks every learner-facing report for every failure in full. */
export const VERBOSE_ENV = 'FAULTLINE_VERBOSE';
export const detailFromEnv = (env: NodeJS.ProcessEnv = process.env): Detail => (env[VERBOSE_ENV] && env[VERBOSE_ENV] !== '0' ? 'full' : 'compact');

/** In compact reports: the most lines of one failure's message, and the most one-line failures per task. */
const MESSAGE_LINES = 14;
const ONE_LINERS = 6;
const LINE_WIDTH = 160;

const clip = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

const firstLine = (message: string): string => message.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';

/** The prefix every failure of a submission that did not load carries (harness/suite/graded.ts). */
export const LOAD_FAILURE = 'your code failed to load, so no test of this exercise can run: ';

/** The reason a submission did not load, when that is why every failed test failed. */
export function loadFailureOf(exercise: ExerciseResult): string | undefined {
  const failed = exercise.tests.filter((t) => t.status !== 'passed' && t.message !== '');
  const first = failed[0];
  if (first === undefined || !failed.every((t) => t.message.startsWith(LOAD_FAILURE))) return undefined;
  return first.message.slice(LOAD_FAILURE.length);
}

function failure(test: TestResult, style: Style, detail: Detail = 'full'): string {
  const mark = test.status === 'timeout' ? style.yellow('⏱') : style.red('✗');
  const lines = [`  ${mark} [${test.maxPoints}] ${visible(test.name)} ${style.dim(`(task ${test.task}, ${test.category}, ${test.status})`)}`];
  const messageLines = test.message.split('\n');
  const shown = detail === 'full' || messageLines.length <= MESSAGE_LINES ? test.message : `${messageLines.slice(0, MESSAGE_LINES).join('\n')}\n… (${messageLines.length - MESSAGE_LINES} more lines: ${VERBOSE_ENV}=1 shows them)`;
  lines.push(indent(visible(shown), '      '));
  const notImplemented = isNotImplemented(test);
  if (test.clauses && test.clauses.length > 0 && !notImplemented) lines.push(style.dim(`      contract: ${test.clauses.map((id) => `[${visible(id)}]`).join(' ')} in the README`));
  if (test.hint && !notImplemented) lines.push(style.dim(`      hint: ${test.hint}`));
  if (test.timeline) lines.push(`      timeline (open it in a browser): ${visible(test.timeline)}`);
  if (test.replay && !notImplemented) lines.push(`      replay: ${test.replay}`);
  return lines.join('\n');
}

/** A task's staged hint, under the task's failures. */
function taskHint(slug: string, task: number, hint: TaskHint, style: Style): string {
  const lines = [`  ${style.bold(`${hintLabel(task, hint)}:`)} ${hint.text}`];
  if (hint.readme) lines.push(`      read: ${hint.readme}`);
  if (hint.paper) lines.push(`      read: ${hint.paper}`);
  if (hint.stage > 0 && hint.stage < hint.stages) lines.push(style.dim(`      stuck? the next hint: ${hintCommand(slug, task)}`));
  return lines.join('\n');
}

/** A failure on one line: points, name and the first line of why, clipped to a terminal's width. */
function oneLine(test: TestResult, style: Style): string {
  const mark = test.status === 'timeout' ? style.yellow('⏱') : style.red('✗');
  return `  ${mark} ${clip(visible(`[${test.maxPoints}] ${test.name} — ${firstLine(test.message)}`), LINE_WIDTH)}`;
}

/** The score table: the exercise's total, then one row per task that ran (a filtered run leaves some out). */
export function scoreTable(exercise: ExerciseResult, style: Style = plain): string {
  const width = Math.max(...exercise.tasks.map((t) => t.title.length), 10);
  const full = exercise.score === exercise.maxScore;
  const total = `${exercise.score}/${exercise.maxScore}  ${percent(exercise.score, exercise.maxScore)} %`;
  const lines = [style.bold(`${exercise.name} — ${exercise.title}`.padEnd(width + 12) + '  ' + (full ? style.green(total) : total))];
  for (const task of exercise.tasks) {
    if (task.maxScore === 0) continue;
    const score = `${task.score}/${task.maxScore}`.padStart(7);
    const colour = task.score === task.maxScore ? style.green : task.score === 0 ? style.red : style.yellow;
    lines.push(`  Task ${task.id}  ${task.title.padEnd(width)} ${score}  ${colour(bar(task.score, task.maxScore))} ${String(percent(task.score, task.maxScore)).padStart(3)} %`);
  }
  return lines.join('\n');
}

/** What did not pass, task by task, with each task's hint: every failure in full, or (compact) the first of each task. */
export function renderFailures(exercise: ExerciseResult, style: Style = plain, detail: Detail = 'compact'): string {
  const lines: string[] = [];
  const failures = exercise.tests.filter((t) => t.status !== 'passed');
  if (isMissing(exercise)) {
    lines.push(style.red(style.bold(`${exercise.name}: not submitted, so none of its tests ran:`)));
    for (const missing of exercise.submitted!.missing) {
      lines.push(`  ${style.red('✗')} ${visible(`${missing.expected} not found: ${missing.found}`)}`);
      lines.push(style.dim(`      the grader ${visible(whereLooked(exercise.name, missing.file))}`), `      put the file at ${visible(missing.expected)} and submit again`);
    }
    for (const note of exercise.notes) lines.push(style.dim(`  note: ${visible(note)}`));
    return lines.join('\n');
  }
  const didNotLoad = loadFailureOf(exercise);
  if (didNotLoad !== undefined && detail === 'compact') {
    lines.push(style.red(style.bold(`${exercise.name}: your code did not load, so none of its ${failures.length} graded tests could run:`)), indent(visible(didNotLoad), '  '));
    // A compiler's code frame names the file by its base name, or by where the grader staged it: say which learner
    // file it is, as the repository names it.
    const frame = /╭─\[ (?:[^\s\]]*\/)?([^\s/\]]+):(\d+):(\d+) \]/.exec(didNotLoad);
    if (frame) lines.push(`  at exercises/${exercise.name}/${visible(frame[1]!)}:${frame[2]}:${frame[3]}`);
    for (const note of exercise.notes) lines.push(style.dim(`  note: ${visible(note)}`));
    return lines.join('\n');
  }
  for (const task of exercise.tasks) {
    const own = failures.filter((t) => t.task === task.id);
    if (own.length === 0 && task.hint === undefined) continue;
    const heading = `Task ${task.id} · ${task.title}`;
    if (detail === 'compact' && own.length > 0 && own.every(isNotImplemented)) {
      const what = visible(firstLine(own[0]!.message));
      const total = exercise.tests.filter((t) => t.task === task.id).length;
      lines.push(
        own.length === total
          ? `${style.bold(heading)}: not started (${own.length === 1 ? `its test says ${what}` : `${own.length} tests; the first says ${what}`})`
          : `${style.bold(heading)}: ${own.length} of ${total} tests still say not implemented (the first: ${what})`,
      );
      continue;
    }
    lines.push(`${style.bold(heading)}: ${own.length} of ${exercise.tests.filter((t) => t.task === task.id).length} tests fail`);
    if (detail === 'full') {
      for (const test of own) lines.push(failure(test, style, 'full'));
    } else if (own.length > 0) {
      // A task built on an unfinished one lists its failures in a line each: their cause may well lie in that task.
      const full = task.hint?.stage === 0 ? 0 : 1;
      if (full === 1) lines.push(failure(own[0]!, style, 'compact'));
      for (const test of own.slice(full, full + ONE_LINERS)) lines.push(oneLine(test, style));
      if (own.length > full + ONE_LINERS) lines.push(style.dim(`  … and ${own.length - full - ONE_LINERS} more (${VERBOSE_ENV}=1 lists every failure in full)`));
    }
    if (task.hint) lines.push(taskHint(exercise.name, task.id, task.hint, style));
  }
  for (const note of exercise.notes) lines.push(style.dim(`  note: ${visible(note)}`));
  return lines.join('\n');
}

/** One exercise: what failed, then its score table, so the score is what is read last. */
export function renderExercise(exercise: ExerciseResult, style: Style = plain, detail: Detail = 'compact'): string {
  const failures = renderFailures(exercise, style, detail);
  return failures === '' ? scoreTable(exercise, style) : `${failures}\n\n${scoreTable(exercise, style)}`;
}

/** A submission's provenance in a few words: `commit 1a2b3c4d5e6f · files sha256 9f8e7d6c5b4a`, or `… · no learner file found`. */
export function provenanceLine(provenance: Provenance, exercises: readonly ExerciseResult[]): string {
  const commit =
    provenance.commit === null
      ? visible(provenance.commitNote ?? 'not a git checkout')
      : `commit ${provenance.commit.slice(0, 12)}${provenance.uncommitted?.length ? ` with uncommitted changes to ${visible(provenance.uncommitted.join(', '))}` : ''}`;
  const none = exercises.every((e) => e.submitted === undefined || e.submitted.files.length === 0);
  return `${commit} · ${none ? 'no learner file found' : `files sha256 ${provenance.sha256.slice(0, 12)}`}`;
}

export function renderRun(run: RunResult, style: Style = plain, detail: Detail = 'compact'): string {
  const source = run.impl === 'submission' ? `submission ${visible(run.submission ?? '')}` : run.impl === 'solutions' ? 'reference solutions' : 'your code (exercises/)';
  const provenance = run.provenance === undefined ? '' : ` · ${provenanceLine(run.provenance, run.exercises)}`;
  const parts = [style.dim(`faultline · grading ${source}${provenance} · seed ${run.seed}`), ''];
  for (const exercise of run.exercises) parts.push(renderExercise(exercise, style, detail), '');
  if (run.exercises.length > 1) parts.push(style.bold(`Total ${run.score}/${run.maxScore}  ${percent(run.score, run.maxScore)} %`));
  parts.push(summaryLine(run.exercises));
  return parts.join('\n');
}

/** The plain closing line CI and people read: `N passed, M failed`. */
export function summaryLine(exercises: readonly ExerciseResult[], extra: { passed: number; failed: number } = { passed: 0, failed: 0 }): string {
  const { passed, failed } = countStatuses(exercises);
  return `${passed + extra.passed} passed, ${failed + extra.failed} failed`;
}
