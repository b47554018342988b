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
}

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
