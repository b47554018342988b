/**
 * From raw test outcomes to an ExerciseResult. Credit comes only from
 * positive evidence: a test earns its points when its outcome is `passed`,
 * and a test the catalog expects but no run reported is worth 0.
 */
import type { GradedMeta } from '../harness/suite';
import type { ExerciseSpec } from './catalog';
import type { ExerciseResult, SubmittedFiles, TestResult, TestStatus } from './model';
import { referenceCost } from './reference-costs';
import { missingMessage } from './submission';

/** One graded test's outcome, as the runner or the learner's reporter saw it. */
export interface Outcome {
  readonly status: TestStatus;
  readonly message: string;
  readonly durationMs?: number;
  /** The body's budget (milliseconds of CPU time, harness/deadline.ts). */
  readonly budgetMs?: number;
  /** The CPU time the body used, a measurement like durationMs. */
  readonly cpuMs?: number;
}

const SEED_MARK = '\n\nseed: ';

/** Splits the seed, timeline and replay lines that the suite kit appends to every failure off the message. */
export function splitFailure(message: string): { message: string; replay: string; timeline?: string } {
  const at = message.lastIndexOf(SEED_MARK);
  if (at < 0) return { message: message.trim(), replay: '' };
  const tail = message.slice(at + 2).split('\n');
  const field = (name: string): string | undefined => tail.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
  const timeline = field('timeline');
  return { message: message.slice(0, at).trim(), replay: field('replay') ?? '', ...(timeline === undefined ? {} : { timeline }) };
}

/** Bounds a message so one runaway failure cannot swamp a report. */
function boundMessage(message: string, maxLines = 40, maxChars = 4000): string {
  let text = message.length > maxChars ? `${message.slice(0, maxChars)}…` : message;
  const lines = text.split('\n');
  if (lines.length > maxLines) text = `${lines.slice(0, maxLines).join('\n')}\n… (${lines.length - maxLines} more lines)`;
  return text;
}

/** A timeout's message, with what the reference needs for the same test where that was measured (grading/reference-costs.ts). */
function withReferenceCost(message: string, exercise: string, test: string, status: TestStatus): string {
  if (status !== 'timeout' || !message.startsWith('deadline: ')) return message;
  const cost = referenceCost(exercise, test);
  if (cost === undefined) return message;
  const [first, ...rest] = message.split('\n');
  return [`${first} The reference solution needs at most ${cost} ms of CPU time for this test (its most in a stress run on a busy machine, grading/reference-costs.json).`, ...rest].join('\n');
}

export function scoreExercise(
  spec: ExerciseSpec,
  tests: readonly GradedMeta[],
  outcomes: ReadonlyMap<string, Outcome>,
  notes: readonly string[] = [],
  /** False for a run that selected only some tests (`-t`): unlisted tests are left out, not charged. */
  complete = true,
): ExerciseResult {
  const results: TestResult[] = [];
  const allNotes = [...notes];
  for (const meta of tests) {
    const outcome = outcomes.get(meta.name) ?? { status: 'error' as const, message: 'no result was reported for this test' };
    const passed = outcome.status === 'passed';
    const { message, replay, timeline } = passed ? { message: '', replay: '', timeline: undefined } : splitFailure(outcome.message);
    results.push({
      name: meta.name,
      task: meta.task,
      category: meta.category,
      points: passed ? meta.points : 0,
      maxPoints: meta.points,
      status: outcome.status,
      message: passed ? '' : boundMessage(withReferenceCost(message || `test ${outcome.status}`, spec.slug, meta.name, outcome.status)),
      replay,
      ...(timeline === undefined ? {} : { timeline }),
      ...(meta.hint === undefined ? {} : { hint: meta.hint }),
      ...(meta.clauses === undefined ? {} : { clauses: meta.clauses }),
      ...(outcome.durationMs === undefined ? {} : { durationMs: Math.round(outcome.durationMs) }),
      ...(outcome.budgetMs === undefined ? {} : { budgetMs: outcome.budgetMs }),
      ...(outcome.cpuMs === undefined ? {} : { cpuMs: outcome.cpuMs }),
    });
  }
  // A task whose tests never reached us (a suite file that failed to load) still counts
  // towards the maximum: its points are listed as one unearned entry, never dropped.
  for (const task of spec.tasks) {
    const listed = results.filter((r) => r.task === task.id).reduce((sum, r) => sum + r.maxPoints, 0);
    if (listed < task.points && complete) {
      results.push({
        name: `task ${task.id} tests that did not run`,
        task: task.id,
        category: 'correctness',
        points: 0,
        maxPoints: task.points - listed,
        status: 'error',
        message:
          listed === 0
            ? 'no test of this task was collected: a suite file failed to load (see notes)'
            : `the tests collected for this task add up to ${listed} of its ${task.points} points: a suite file failed to load, or the suite declares fewer points than the catalog gives the task (see notes)`,
        replay: '',
      });
    } else if (listed > task.points) {
      allNotes.push(`grader: the suite's task ${task.id} tests add up to ${listed} points, but the catalog gives the task ${task.points}`);
    }
  }
  const tasks = spec.tasks.map((task) => {
    const own = results.filter((r) => r.task === task.id);
    return {
      id: task.id,
      title: task.title,
      score: own.reduce((sum, r) => sum + r.points, 0),
      maxScore: own.reduce((sum, r) => sum + r.maxPoints, 0),
    };
  });
  return {
    name: spec.slug,
    title: spec.title,
    score: tasks.reduce((sum, t) => sum + t.score, 0),
    maxScore: tasks.reduce((sum, t) => sum + t.maxScore, 0),
    tasks,
    tests: results,
    notes: allNotes,
  };
}

/** The name of the entry that stands for every test of a task whose exercise was not submitted. */
export const notSubmittedName = (task: { readonly id: number; readonly title: string }): string => `every test of task ${task.id} (${task.title})`;

/**
 * An exercise whose learner files were not all in the submission: its suite did
 * not run, so no test has a result. Each task is one `not-submitted` entry worth
 * the task's points, none earned; its message says which file is missing, what
 * the submission held instead and where to put it. (The suite's own test names
 * are only known by loading it, which is running it.)
 */
export function notSubmitted(spec: ExerciseSpec, submitted: SubmittedFiles, notes: readonly string[] = []): ExerciseResult {
  const why = `not submitted: ${submitted.missing.map((m) => missingMessage(spec.slug, m)).join(' ')}`;
  const tests: TestResult[] = spec.tasks.map((task) => ({
    name: notSubmittedName(task),
    task: task.id,
    category: 'correctness',
    points: 0,
    maxPoints: task.points,
    status: 'not-submitted',
    message: boundMessage(why),
    replay: '',
  }));
  const tasks = spec.tasks.map((task) => ({ id: task.id, title: task.title, score: 0, maxScore: task.points }));
  return { name: spec.slug, title: spec.title, score: 0, maxScore: tasks.reduce((sum, t) => sum + t.maxScore, 0), tasks, tests, notes: [...notes], submitted };
}
