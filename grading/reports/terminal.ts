/**
 * The terminal report: per exercise, a table of tasks (points, percentage, a
 * bar), then every test that did not pass with why, its hint, and the command
 * that replays it. The last line is always `N passed, M failed`.
 */
import type { ExerciseResult, RunResult, TaskHint, TestResult } from '../model';
import { countStatuses, isNotImplemented } from '../model';
import { hintCommand } from '../hints';

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

const indent = (text: string, by: string): string => text.split('\n').map((line) => by + line).join('\n');

function failure(test: TestResult, style: Style): string {
  const mark = test.status === 'timeout' ? style.yellow('⏱') : style.red('✗');
  const lines = [`  ${mark} [${test.maxPoints}] ${visible(test.name)} ${style.dim(`(task ${test.task}, ${test.category}, ${test.status})`)}`];
  lines.push(indent(visible(test.message), '      '));
  const notImplemented = isNotImplemented(test);
  if (test.clauses && test.clauses.length > 0 && !notImplemented) lines.push(style.dim(`      contract: ${test.clauses.map((id) => `[${visible(id)}]`).join(' ')} in the README`));
  if (test.hint && !notImplemented) lines.push(style.dim(`      hint: ${test.hint}`));
  if (test.timeline) lines.push(`      timeline (open it in a browser): ${visible(test.timeline)}`);
  if (test.replay && !notImplemented) lines.push(`      replay: ${test.replay}`);
  return lines.join('\n');
}

/** A task's staged hint, under the task's failures. */
function taskHint(slug: string, task: number, hint: TaskHint, style: Style): string {
  const lines = [`  ${style.bold(`hint ${hint.stage} of ${hint.stages} for task ${task}:`)} ${hint.text}`];
  if (hint.readme) lines.push(`      read: ${hint.readme}`);
  if (hint.paper) lines.push(`      read: ${hint.paper}`);
  if (hint.stage < hint.stages) lines.push(style.dim(`      stuck? the next hint: ${hintCommand(slug, task)}`));
  return lines.join('\n');
}

export function renderExercise(exercise: ExerciseResult, style: Style = plain): string {
  const width = Math.max(...exercise.tasks.map((t) => t.title.length), 10);
  const full = exercise.score === exercise.maxScore;
  const total = `${exercise.score}/${exercise.maxScore}  ${percent(exercise.score, exercise.maxScore)} %`;
  const lines = [style.bold(`${exercise.name} — ${exercise.title}`.padEnd(width + 12) + '  ' + (full ? style.green(total) : total))];
  for (const task of exercise.tasks) {
    const score = `${task.score}/${task.maxScore}`.padStart(7);
    const colour = task.score === task.maxScore ? style.green : task.score === 0 ? style.red : style.yellow;
    lines.push(`  Task ${task.id}  ${task.title.padEnd(width)} ${score}  ${colour(bar(task.score, task.maxScore))} ${String(percent(task.score, task.maxScore)).padStart(3)} %`);
  }
  const failures = [...exercise.tests].filter((t) => t.status !== 'passed').sort((a, b) => a.task - b.task);
  if (failures.length > 0) lines.push('');
  for (const task of exercise.tasks) {
    for (const test of failures) if (test.task === task.id) lines.push(failure(test, style));
    if (task.hint) lines.push(taskHint(exercise.name, task.id, task.hint, style));
  }
  for (const note of exercise.notes) lines.push(style.dim(`  note: ${visible(note)}`));
  return lines.join('\n');
}

export function renderRun(run: RunResult, style: Style = plain): string {
  const source = run.impl === 'submission' ? `submission ${run.submission ?? ''}` : run.impl === 'solutions' ? 'reference solutions' : 'your code (exercises/)';
  const parts = [style.dim(`faultline · grading ${source} · seed ${run.seed}`), ''];
  for (const exercise of run.exercises) parts.push(renderExercise(exercise, style), '');
  if (run.exercises.length > 1) parts.push(style.bold(`Total ${run.score}/${run.maxScore}  ${percent(run.score, run.maxScore)} %`));
  parts.push(summaryLine(run.exercises));
  return parts.join('\n');
}

/** The plain closing line CI and people read: `N passed, M failed`. */
export function summaryLine(exercises: readonly ExerciseResult[], extra: { passed: number; failed: number } = { passed: 0, failed: 0 }): string {
  const { passed, failed } = countStatuses(exercises);
  return `${passed + extra.passed} passed, ${failed + extra.failed} failed`;
}
