/** What a graded test is, as the suites declare it and the reporters read it. */

/** What a test checks: the contract, behaviour under faults, a cost bound, or the API's shape and errors. */
export type Category = 'correctness' | 'faults' | 'performance' | 'api';

export const CATEGORIES: readonly Category[] = ['correctness', 'faults', 'performance', 'api'];

/** Carried by every graded test as vitest task meta, so it is known at collection, before any learner code runs. */
export interface GradedMeta {
  readonly exercise: string;
  readonly task: number;
  readonly category: Category;
  readonly points: number;
  /** The behaviour sentence, without the `[points]` prefix: the test's identity within its exercise. */
  readonly name: string;
  /** Where to look when this test fails: a README section or a paper section. */
  readonly hint?: string;
  /** The contract clauses this test checks: ids from the exercise's ledger, written `[BF-2.3]` in its README. */
  readonly clauses?: readonly string[];
  /**
   * For a task whose tests lie in several files: which part of the task this file's tests are (1 first). Reports list a
   * task's tests by part, then in the order they are declared, from the fewest methods needed to the most.
   */
  readonly part?: number;
}

/** The order reports list graded tests in: by task, then by part (a stable sort keeps each file's own order). */
export const byTaskAndPart = (a: Pick<GradedMeta, 'task' | 'part'>, b: Pick<GradedMeta, 'task' | 'part'>): number => a.task - b.task || (a.part ?? 1) - (b.part ?? 1);

/** The slice of a catalog entry a suite needs. */
export interface SuiteExercise {
  readonly slug: string;
  readonly tasks: readonly { readonly id: number; readonly title: string }[];
}

declare module 'vitest' {
  interface TaskMeta {
    faultline?: GradedMeta;
    /** Set by a graded test that passed in a graded run: the suite kit's proof of it (proof.ts). */
    faultlineProof?: string;
    /** Set by every graded test that ran: its budget, what the budget counts, and the CPU time its body used (deadline.ts). */
    faultlineCost?: { readonly budgetMs: number; readonly clock: 'cpu' | 'wall'; readonly cpuMs: number };
  }
}
