/**
 * Gradescope's autograder `results.json`, as its "Autograder Specifications"
 * page documents it (https://gradescope-autograders.readthedocs.io/en/latest/specs/,
 * source: gradescope/autograder_samples, docs/specs.md). Only fields that page
 * documents are written:
 *
 * - top level: `score` (the sum of the tests' scores: it overrides their total
 *   when given, so the two must agree), `output`, `output_format`,
 *   `test_output_format`, `test_name_format`, `visibility`, `stdout_visibility`,
 *   `extra_data`, `tests`. There is no top-level `max_score` in the spec: the
 *   assignment's total points are set on Gradescope, and ours go in `extra_data`.
 * - per test: `score`, `max_score`, `status` (`passed` | `failed`), `name`,
 *   `number`, `output`, `tags`, `visibility`, `extra_data`.
 *
 * Every text field is plain `text` (no HTML, Markdown or ANSI rendered), said
 * explicitly because the top-level output would otherwise default to
 * `simple_format`, which renders HTML a learner's error message could carry.
 *
 * Size: the spec sets no limit, so we set our own: a test's output is at most
 * GRADESCOPE_TEST_OUTPUT_LIMIT characters and the run's at most
 * GRADESCOPE_OUTPUT_LIMIT; what is cut says so. The replay command survives
 * every cut.
 */
import type { ExerciseResult, RunResult, TaskHint, TestResult } from '../model';
import { hintLine } from '../hints';
import { countStatuses, isMissing, isNotImplemented } from '../model';
import { whereLooked } from '../submission';
import { provenanceLine } from './terminal';

/** Gradescope's four visibility settings; `visible` is its default. */
export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeOptions {
  /** Who sees the tests and the score, and when (top level and every test). Default `visible`. */
  readonly visibility?: GradescopeVisibility;
  /** Who sees run_autograder's standard output. Default `hidden`: instructors only, as Gradescope does. */
  readonly stdoutVisibility?: GradescopeVisibility;
}

export interface GradescopeTest {
  readonly score: number;
  readonly max_score: number;
  readonly status: 'passed' | 'failed';
  readonly name: string;
  readonly name_format: 'text';
  /** `<exercise position>.<task>.<position in task>`, all from 1. */
  readonly number: string;
  /** Empty when the test passed; else why, the hint, the seed and the replay command. */
  readonly output: string;
  readonly output_format: 'text';
  /** The exercise slug, `task-<n>` and the category. */
  readonly tags: readonly string[];
  readonly visibility: GradescopeVisibility;
  readonly extra_data: { readonly exercise: string; readonly task: number; readonly category: string; readonly status: TestResult['status'] };
}

export interface GradescopeResults {
  readonly score: number;
  readonly output: string;
  readonly output_format: 'text';
  readonly test_output_format: 'text';
  readonly test_name_format: 'text';
  readonly visibility: GradescopeVisibility;
  readonly stdout_visibility: GradescopeVisibility;
  /** With a submission's provenance: its commit (null when not a git checkout) and its files' combined SHA-256. */
  readonly extra_data: { readonly seed: number; readonly impl: RunResult['impl']; readonly max_score: number; readonly commit?: string | null; readonly sha256?: string };
  readonly tests: readonly GradescopeTest[];
}

/** Our cap on one test's `output`, in characters (Gradescope documents none). */
export const GRADESCOPE_TEST_OUTPUT_LIMIT = 8192;
/** Our cap on the run's `output`, in characters. */
export const GRADESCOPE_OUTPUT_LIMIT = 16384;
/** Our cap on a test's hint or replay command, and on one note. */
const LINE_LIMIT = 1000;

/**
 * Text a learner's code may have shaped, made safe to show as plain text:
 * line endings become `\n` (as the spec asks), other control characters (C0
 * and C1) and lone surrogates (which some JSON readers reject) become U+FFFD.
 * Shared with classroom.ts, as are `clip`, `qualifiedName` and `earned`.
 */
export function plainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** At most `limit` characters; a cut says how much it dropped. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const dropped = (n: number) => `\n… (cut: ${n} more characters)`;
  if (limit < dropped(text.length).length) return plainText(text.slice(0, Math.max(0, limit)));
  let keep = limit - dropped(text.length).length;
  // Do not end on half of a surrogate pair.
  if (keep > 0 && /[\ud800-\udbff]/.test(text[keep - 1]!)) keep--;
  return text.slice(0, keep) + dropped(text.length - keep);
}

/** The name every platform shows, on one line: `bloom-filter · Task 2 · [5] no false negatives`. */
export function qualifiedName(exercise: string, test: Pick<TestResult, 'task' | 'maxPoints' | 'name'>): string {
  return plainText(`${exercise} · Task ${test.task} · [${test.maxPoints}] ${test.name}`).replace(/\n/g, ' ');
}

/** Points a test earned: only a pass earns, and never more than it is worth. */
export const earned = (test: TestResult): number => (test.status === 'passed' ? Math.max(0, Math.min(test.points, test.maxPoints)) : 0);


/** Why a test did not pass, with what to do next; the tail (hint, seed, replay) is never cut. */
function failureOutput(test: TestResult, seed: number, taskHint: TaskHint | undefined): string {
  if (test.status === 'passed') return '';
  const head = test.status === 'failed' || test.status === 'not-submitted' ? '' : `[${test.status}] `;
  const tail: string[] = [];
  if (test.clauses && test.clauses.length > 0 && !isNotImplemented(test)) tail.push(`contract: ${clip(plainText(test.clauses.map((id) => `[${id}]`).join(' ')), LINE_LIMIT)} in the README`);
  if (test.hint && !isNotImplemented(test)) tail.push(`hint: ${clip(plainText(test.hint), LINE_LIMIT)}`);
  if (taskHint && !isNotImplemented(test)) tail.push(clip(plainText(hintLine(test.task, taskHint)), LINE_LIMIT));
  tail.push(`seed: ${seed}`);
  if (test.replay && !isNotImplemented(test)) tail.push(`replay: ${clip(plainText(test.replay), LINE_LIMIT)}`);
  const end = `\n\n${tail.join('\n')}`;
  const message = clip(head + plainText(test.message || `test ${test.status}`), GRADESCOPE_TEST_OUTPUT_LIMIT - end.length);
  return message + end;
}

const percent = (score: number, max: number): number => (max === 0 ? 0 : Math.floor((100 * score) / max));

function summary(run: RunResult, score: number, maxScore: number): string {
  const slugs = run.exercises.map((e) => e.name).join(' ');
  const lines = [
    `faultline: ${score}/${maxScore} (${percent(score, maxScore)} %), seed ${run.seed}`,
    ...(run.provenance === undefined ? [] : [`graded: ${provenanceLine(run.provenance, run.exercises)}`]),
    '',
    `Graded with seed ${run.seed}. Each failed test shows the command that replays it in your own checkout;`,
    'to rerun the whole grade there:',
    `  npm run grade -- --seed ${run.seed}${slugs ? ` ${slugs}` : ''}`,
  ];
  for (const exercise of run.exercises) lines.push('', ...exerciseSummary(exercise));
  const { passed, failed } = countStatuses(run.exercises);
  lines.push('', `${passed} passed, ${failed} failed`);
  return clip(plainText(lines.join('\n')), GRADESCOPE_OUTPUT_LIMIT);
}

function exerciseSummary(exercise: ExerciseResult): string[] {
  const own = exercise.tests.reduce((sum, t) => sum + earned(t), 0);
  const max = exercise.tests.reduce((sum, t) => sum + t.maxPoints, 0);
  const lines = [`${exercise.name} (${plainText(exercise.title)}): ${own}/${max}${isMissing(exercise) ? ', not submitted, so none of its tests ran' : ''}`];
  for (const missing of exercise.submitted?.status === 'missing' ? exercise.submitted.missing : []) {
    lines.push(`  ${clip(plainText(`${missing.expected} not found: ${missing.found}`), LINE_LIMIT)}`);
    lines.push(`    the grader ${clip(plainText(whereLooked(exercise.name, missing.file)), LINE_LIMIT)}`, `    put the file at ${plainText(missing.expected)} and submit again`);
  }
  for (const task of exercise.tasks) {
    lines.push(`  Task ${task.id} ${plainText(task.title)}: ${task.score}/${task.maxScore}`);
    if (task.hint) lines.push(`    ${clip(plainText(hintLine(task.id, task.hint)), LINE_LIMIT)}`);
  }
  for (const note of exercise.notes) lines.push(`  note: ${clip(plainText(note), LINE_LIMIT).replace(/\n/g, '\n        ')}`);
  return lines;
}

/** The results object; `toGradescope` writes it as JSON. */
export function gradescopeResults(run: RunResult, options: GradescopeOptions = {}): GradescopeResults {
  const visibility = options.visibility ?? 'visible';
  const tests: GradescopeTest[] = [];
  run.exercises.forEach((exercise, e) => {
    const positions = new Map<number, number>();
    // Grouped by task, in the suite's order within a task, so numbers ascend.
    const ordered = exercise.tests.map((test, i) => ({ test, i })).sort((a, b) => a.test.task - b.test.task || a.i - b.i);
    for (const { test } of ordered) {
      const position = (positions.get(test.task) ?? 0) + 1;
      positions.set(test.task, position);
      tests.push({
        score: earned(test),
        max_score: test.maxPoints,
        status: test.status === 'passed' ? 'passed' : 'failed',
        name: qualifiedName(exercise.name, test),
        name_format: 'text',
        number: `${e + 1}.${test.task}.${position}`,
        output: failureOutput(test, run.seed, exercise.tasks.find((t) => t.id === test.task)?.hint),
        output_format: 'text',
        tags: [exercise.name, `task-${test.task}`, test.category],
        visibility,
        extra_data: { exercise: exercise.name, task: test.task, category: test.category, status: test.status },
      });
    }
  });
  const score = tests.reduce((sum, t) => sum + t.score, 0);
  const maxScore = tests.reduce((sum, t) => sum + t.max_score, 0);
  return {
    score,
    output: summary(run, score, maxScore),
    output_format: 'text',
    test_output_format: 'text',
    test_name_format: 'text',
    visibility,
    stdout_visibility: options.stdoutVisibility ?? 'hidden',
    extra_data: {
      seed: run.seed,
      impl: run.impl,
      max_score: maxScore,
      ...(run.provenance === undefined ? {} : { commit: run.provenance.commit, sha256: run.provenance.sha256 }),
    },
    tests,
  };
}

/** Gradescope's `results.json` for a run (see the file comment for the format and its source). */
export function toGradescope(run: RunResult, options: GradescopeOptions = {}): string {
  return `${JSON.stringify(gradescopeResults(run, options), null, 2)}\n`;
}
