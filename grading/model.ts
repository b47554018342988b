/**
 * The one result model every report is written from. Its JSON form is the
 * project's own format, version 1 (see README, "Results").
 */
import type { Category } from '../harness/suite';

/**
 * - `passed`: the test ran and passed; the only status that earns points.
 * - `failed`: the test ran and an assertion (or the code under test) failed.
 * - `timeout`: the code under test ran past its deadline, or the whole run was killed.
 * - `error`: the test produced no result: its worker crashed (out of memory,
 *   process.exit) or the suite could not load.
 * - `not-submitted`: a learner file of the exercise was not found in the submission, so
 *   its suite was not run (see `SubmittedFiles`); the entry stands for every test of a task.
 */
export type TestStatus = 'passed' | 'failed' | 'timeout' | 'error' | 'not-submitted';

export interface TestResult {
  /** The behaviour sentence; unique within the exercise. */
  readonly name: string;
  readonly task: number;
  readonly category: Category;
  /** Points earned: `maxPoints` when passed, else 0. */
  readonly points: number;
  readonly maxPoints: number;
  readonly status: TestStatus;
  /** Why it did not pass (empty when passed). */
  readonly message: string;
  /** A command that reruns this test alone (empty when passed). */
  readonly replay: string;
  /** A failed simulation's picture: the path of a self-contained HTML page (harness/sim/timeline-html.ts). */
  readonly timeline?: string;
  readonly hint?: string;
  /** The contract clauses the test checks (ids from the exercise README, e.g. `BF-2.3`). */
  readonly clauses?: readonly string[];
  /** Wall time the test took, in milliseconds (a measurement: it varies from run to run). */
  readonly durationMs?: number;
  /** The test body's budget, in milliseconds of CPU time (harness/deadline.ts). */
  readonly budgetMs?: number;
  /** The CPU time the body used, in milliseconds (a measurement, like durationMs). */
  readonly cpuMs?: number;
}

/** A staged hint (grading/hints): on a task the learner has started that is short of full marks. */
export interface TaskHint {
  /** Which stage this is (1 nudges; `stages` nearly tells); 0 says to finish an earlier task this one builds on first. */
  readonly stage: number;
  readonly stages: number;
  readonly text: string;
  /** The README passage to read: `exercises/<slug>/README.md#<anchor>`. */
  readonly readme?: string;
  /** A paper or book section. */
  readonly paper?: string;
}

export interface TaskScore {
  readonly id: number;
  readonly title: string;
  readonly score: number;
  readonly maxScore: number;
  readonly hint?: TaskHint;
}

export interface ExerciseResult {
  readonly name: string;
  readonly title: string;
  readonly score: number;
  readonly maxScore: number;
  readonly tasks: readonly TaskScore[];
  readonly tests: readonly TestResult[];
  /** What the grader noticed about the run itself (a file taken from an unexpected place, a crashed worker, a resumed run). */
  readonly notes: readonly string[];
  /** Where the learner files came from, when a submission was graded. */
  readonly submitted?: SubmittedFiles;
}

/** One learner file taken from a submission. */
export interface TakenFile {
  /** The learner file, as the catalog names it: `bloom-filter.ts`. */
  readonly file: string;
  /** Where it was found, relative to the submission folder, `/`-separated: `exercises/bloom-filter/bloom-filter.ts`. */
  readonly from: string;
  /** SHA-256 of its bytes, lowercase hex. */
  readonly sha256: string;
}

/** One learner file that was not found (grading/submission.ts says where it looks). */
export interface MissingFile {
  readonly file: string;
  /** Where it belongs, relative to the submission folder: `exercises/bloom-filter/bloom-filter.ts`. */
  readonly expected: string;
  /** What was found instead, one clause: `exercises/bloom-filter/bloom-filter.ts is a directory`. */
  readonly found: string;
}

/**
 * What a submission held for one exercise. `missing`: at least one learner file
 * was not found, so the exercise was not run and every test of it is `not-submitted`.
 */
export interface SubmittedFiles {
  readonly status: 'taken' | 'missing';
  readonly files: readonly TakenFile[];
  readonly missing: readonly MissingFile[];
}

/**
 * What exactly was graded, when a submission was: its git commit, and the
 * files' hashes. Read from a folder nobody vouches for: git runs with the
 * folder's hooks, fsmonitor and transports disabled.
 */
export interface Provenance {
  /** `git rev-parse HEAD` of the submission folder, or null when it is not a git checkout (then `commitNote` says why). */
  readonly commit: string | null;
  readonly commitNote?: string;
  /**
   * Learner files taken whose bytes differ from the same path in the commit (uncommitted changes, or not
   * committed at all), as their paths in the submission; absent when there is no commit.
   */
  readonly uncommitted?: readonly string[];
  /**
   * SHA-256 of every file taken, combined: the SHA-256 of the lines `<sha256>  exercises/<slug>/<file>\n`,
   * one per file taken, in the order graded (what `sha256sum` prints over the files laid out as the repository
   * lays them out).
   */
  readonly sha256: string;
}

/** What was graded: the learner's exercises/, the reference solutions/, or a submission folder. */
export type ImplKind = 'exercises' | 'solutions' | 'submission';

export interface RunResult {
  readonly version: 1;
  readonly seed: number;
  readonly impl: ImplKind;
  /** The submission folder, when impl is `submission`. */
  readonly submission?: string;
  /** What exactly was graded, when impl is `submission`. */
  readonly provenance?: Provenance;
  readonly score: number;
  readonly maxScore: number;
  readonly exercises: readonly ExerciseResult[];
}

/** A test that failed only because the learner has not written the code yet (a stub's NotImplementedError). */
export const isNotImplemented = (test: Pick<TestResult, 'status' | 'message'>): boolean => test.status !== 'passed' && test.message.startsWith('not implemented');

/** An exercise whose learner files were not all found in the submission: it was not run. */
export const isMissing = (exercise: Pick<ExerciseResult, 'submitted'>): boolean => exercise.submitted?.status === 'missing';

export const countStatuses = (exercises: readonly ExerciseResult[]): { passed: number; failed: number } => {
  let passed = 0;
  let failed = 0;
  for (const exercise of exercises) for (const test of exercise.tests) test.status === 'passed' ? passed++ : failed++;
  return { passed, failed };
};
