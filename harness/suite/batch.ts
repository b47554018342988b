/**
 * Self-test batches (grading/variants/batch.ts) grade many known-wrong
 * variants of one exercise in one vitest worker, each variant's suite modules
 * loaded afresh under a name of their own. Each variant runs only the tests
 * it must fail: its wrapper test file names them here just before it loads
 * the suite file, and the suite kit reads them as it declares each test
 * (graded.ts), in place of FAULTLINE_ONLY. Grades of learners never use it.
 */
let only: ReadonlySet<string> | undefined;

/** The tests the suite file about to load may run (null: all of them); the others are declared skipped. */
export function batchOnly(names: readonly string[] | null): void {
  only = names === null ? undefined : new Set(names);
}

/** The names set by the file being collected, if it is a batch wrapper. */
export const currentBatchOnly = (): ReadonlySet<string> | undefined => only;
