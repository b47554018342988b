/**
 * GitHub Classroom's autograding, two ways.
 *
 * GitHub Classroom itself was retired on 2026-08-28 (github.com/orgs/community/
 * discussions/205975); repositories it made live on, and so do the conventions
 * below, which our student workflow keeps (grading/github-classroom/). Nothing
 * records the points any more: they are feedback, and the grade that counts is
 * the instructor's own run (grading/github-classroom/README.md).
 *
 * 1. The result a grader step hands to the reporter of Classroom's last autograding
 *    templates, `CLASSROOM_REPORTER` below. Its repository moved from `education/` to
 *    `classroom-resources/` in 2024 (github-education-resources/
 *    autograding-grading-reporter#32, "this repo has moved"); templates generated
 *    since name `classroom-resources/autograding-grading-reporter@v1`. The reporter
 *    reads, for each runner id in its `runners` input, the environment variable
 *    `<ID>_RESULTS`: base64 of a JSON object (src/main.js). Shape, as the official
 *    graders write it (autograding-command-grader and autograding-io-grader, src/main.js):
 *
 *      { version: 1, status: 'pass' | 'fail' | 'error', max_score,
 *        tests: [{ name, status: 'pass' | 'fail' | 'error', score, message,
 *                  test_code, filename, line_no, execution_time }] }
 *
 *    What the reporter does with it (src/notify-classroom.js, src/console-results.js):
 *    the points it announces are the sum of the tests' `score` against `max_score`
 *    (so every test needs a numeric score); it fails the job when `status` is `fail` or
 *    `error`; in the log it prints each test's name (`line_no` other than 0 is printed
 *    as a line number, so it is 0), `test_code` when not empty (ours: the replay
 *    command), and for an `error` test only its `message` (so ours starts with the
 *    test's name). Its log table of points is `(passed tests / all tests) * max_score`,
 *    which differs from the points sent whenever tests are worth different amounts; the
 *    annotation below is the number Classroom recorded.
 *
 * 2. The `Points X/Y` notice. Both official actions record the grade as a check-run
 *    annotation with level `notice`, title `Autograding complete` and message
 *    `Points <earned>/<available>` (education/autograding src/runner.ts and src/output.ts;
 *    autograding-grading-reporter src/notify-classroom.js, which adds a second notice,
 *    `Autograding report`, holding `{"totalPoints","maxPoints"}`). A workflow step
 *    produces the same annotation by printing the workflow command
 *    `::notice title=Autograding complete::Points X/Y`, which is what custom Classroom
 *    workflows print.
 *
 * The reporter prints names and messages to the job log, where any line starting with
 * `::` is a workflow command: a learner's error message could otherwise print a forged
 * `Points 100/100`. Such lines are defused here.
 */
import type { RunResult } from '../model';
import { clip, earned, plainText, qualifiedName } from './gradescope';

/**
 * The reporter action, as a workflow's `uses:` names it. The student workflow
 * (grading/github-classroom/templates/student.yml) is filled in from this.
 */
export const CLASSROOM_REPORTER = 'classroom-resources/autograding-grading-reporter@v1';

export type ClassroomStatus = 'pass' | 'fail' | 'error';

export interface ClassroomTest {
  readonly name: string;
  readonly status: ClassroomStatus;
  readonly score: number;
  /** Empty when the test passed. */
  readonly message: string;
  /** The command that replays the test; empty when it passed. */
  readonly test_code: string;
  readonly filename: '';
  readonly line_no: 0;
  /** Seconds, written as the io-grader writes it: `0.004s`. */
  readonly execution_time: string;
}

export interface ClassroomResult {
  readonly version: 1;
  readonly status: ClassroomStatus;
  readonly max_score: number;
  readonly tests: readonly ClassroomTest[];
}

/**
 * Our cap on the base64 result, in characters. The reporter receives it in one
 * environment variable, and Linux refuses to start a process with any single
 * environment string over 128 KiB (MAX_ARG_STRLEN), so the result stays well below.
 * Text is shortened until it fits, and a run too big even then is listed one entry
 * per task; the points, statuses and max_score never change.
 */
export const CLASSROOM_RESULT_LIMIT = 96 * 1024;

/** Escapes a workflow command's data, as @actions/core's command.ts does. */
export const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Escapes a workflow command's property value: data escapes plus `:` and `,`. */
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * One workflow command line, `::name key=value,key=value::message`, escaped as
 * @actions/core (packages/core/src/command.ts) escapes it and the runner
 * (ActionCommand.cs) unescapes it. Properties with empty values are left out.
 */
export function workflowCommand(name: string, properties: Readonly<Record<string, string>>, message: string): string {
  if (!/^[a-z][a-z-]*$/.test(name)) throw new RangeError(`classroom: workflow command name must be lowercase letters and dashes, got ${JSON.stringify(name)}`);
  const props = Object.entries(properties)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${name}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/**
 * Text the reporter will print to the job log, made unable to act as a
 * workflow command there: a line starting with `::` (after blanks) gets a space
 * between its colons, and `##[` (the runner's older command prefix, honoured
 * anywhere in a line) gets one between its hashes.
 */
export function defuseCommands(text: string): string {
  return plainText(text)
    .replace(/^(\s*):(?=:)/gm, '$1: ')
    .replace(/##\[/g, '# #[');
}

/** One line of at most `limit` characters, ending in `…` when cut. */
const shorten = (line: string, limit: number): string => (line.length <= limit ? line : plainText(`${line.slice(0, limit - 1)}…`));

const seconds = (ms: number | undefined): string => `${(ms ?? 0) / 1000}s`;

/** How many characters of each test's text are kept. */
interface Limits {
  readonly message: number;
  readonly code: number;
  readonly name: number;
}
const FULL: Limits = { message: 2000, code: 1000, name: 500 };
const SHORTEST: Limits = { message: 0, code: 0, name: 80 };

/**
 * Smaller limits, in proportion to how far over the budget the result is:
 * messages go first, then the replay command and the name.
 */
function shrink(limits: Limits, ratio: number): Limits {
  const scale = (n: number, floor: number) => (n * ratio < Math.max(floor, 16) ? floor : Math.floor(n * ratio));
  if (limits.message > 0) return { ...limits, message: scale(limits.message, 0) };
  return { message: 0, code: scale(limits.code, 0), name: scale(limits.name, SHORTEST.name) };
}

/** The points a run can earn: every listed test's worth. */
const available = (run: RunResult): number => run.exercises.reduce((sum, e) => sum + e.tests.reduce((s, t) => s + t.maxPoints, 0), 0);

function runStatus(tests: readonly ClassroomTest[]): ClassroomStatus {
  return tests.length === 0 ? 'error' : tests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
}

function perTest(run: RunResult, limits: Limits): ClassroomResult {
  const tests: ClassroomTest[] = [];
  for (const exercise of run.exercises) {
    for (const test of exercise.tests) {
      const name = shorten(qualifiedName(exercise.name, test), limits.name);
      // A learner file that was not submitted is a failure to hand in, not an error of the grader: `fail`, with the reason.
      const status: ClassroomStatus = test.status === 'passed' ? 'pass' : test.status === 'failed' || test.status === 'not-submitted' ? 'fail' : 'error';
      const why = test.message || `test ${test.status}`;
      const message = status === 'pass' ? '' : status === 'fail' ? why : `${name} (${test.status}): ${why}`;
      tests.push({
        name: defuseCommands(name),
        status,
        score: earned(test),
        message: defuseCommands(clip(plainText(message), limits.message)),
        test_code: status === 'pass' ? '' : defuseCommands(clip(plainText(test.replay), limits.code)),
        filename: '',
        line_no: 0,
        execution_time: seconds(test.durationMs),
      });
    }
  }
  return { version: 1, status: runStatus(tests), max_score: available(run), tests };
}

/** The last resort for a run too big to list test by test: one entry per task, same points. */
function perTask(run: RunResult): ClassroomResult {
  const tests: ClassroomTest[] = [];
  for (const exercise of run.exercises) {
    const tasks = [...new Set(exercise.tests.map((t) => t.task))].sort((a, b) => a - b);
    for (const task of tasks) {
      const own = exercise.tests.filter((t) => t.task === task);
      const passed = own.filter((t) => t.status === 'passed').length;
      const all = passed === own.length;
      tests.push({
        name: defuseCommands(shorten(plainText(`${exercise.name} · Task ${task} · ${passed} of ${own.length} tests passed`), 200)),
        status: all ? 'pass' : 'fail',
        score: own.reduce((sum, t) => sum + earned(t), 0),
        message: all ? '' : 'too many tests to list here: see the grader\'s full report',
        test_code: '',
        filename: '',
        line_no: 0,
        execution_time: seconds(own.reduce((sum, t) => sum + (t.durationMs ?? 0), 0)),
      });
    }
  }
  return { version: 1, status: runStatus(tests), max_score: available(run), tests };
}

const encode = (result: ClassroomResult): string => Buffer.from(JSON.stringify(result), 'utf8').toString('base64');

/**
 * The result object: every test with its text, shortened while the encoded
 * result is over CLASSROOM_RESULT_LIMIT, and as a last resort one entry per
 * task. Scores, statuses and max_score are the same either way.
 */
export function classroomResult(run: RunResult): ClassroomResult {
  let limits = FULL;
  for (;;) {
    const result = perTest(run, limits);
    const size = encode(result).length;
    if (size <= CLASSROOM_RESULT_LIMIT) return result;
    if (limits.message === SHORTEST.message && limits.code === SHORTEST.code && limits.name === SHORTEST.name) return perTask(run);
    limits = shrink(limits, Math.min(0.9, (0.95 * CLASSROOM_RESULT_LIMIT) / size));
  }
}

/**
 * The grader step's `result` output for autograding-grading-reporter: standard
 * base64 of the JSON above, on one line. A step publishes it with
 * `echo "result=<this>" >> "$GITHUB_OUTPUT"`; the reporter step then gets it as
 * `<STEP-ID>_RESULTS: ${{ steps.<step-id>.outputs.result }}`.
 */
export function toClassroomResult(run: RunResult): string {
  return encode(classroomResult(run));
}

/**
 * `::notice title=Autograding complete::Points X/Y`, one line without a newline:
 * X the points earned (passed tests only), Y the points available.
 */
export function toClassroomNotice(run: RunResult): string {
  const points = run.exercises.reduce((sum, e) => sum + e.tests.reduce((s, t) => s + earned(t), 0), 0);
  return workflowCommand('notice', { title: 'Autograding complete' }, `Points ${points}/${available(run)}`);
}
