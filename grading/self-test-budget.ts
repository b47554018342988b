/**
 * What the root `npm test` may spend, written down so that the repo still
 * fits in CI when it holds twenty exercises (issue 18). Each exercise's
 * self-tests (its catalog, ledger, reference, stub, visible tests, every
 * known-wrong variant, its mutation run) may use `perExerciseCpuSeconds` of
 * CPU; the tests of the grader itself (harness, hostile code, CLI, reports,
 * browser) `sharedCpuSeconds`. On `cores` cores kept busy, twenty exercises
 * then take (20 × per exercise + shared) ÷ cores of wall time.
 * `npm run check -- <exercise>` prints what an exercise used.
 */
export const SELF_TEST_BUDGET = {
  cores: 2,
  perExerciseCpuSeconds: 80,
  sharedCpuSeconds: 600,
} as const;

/** The wall time, in seconds, the budget allows the root npm test with `exercises` exercises. */
export const budgetWallSeconds = (exercises: number): number =>
  (exercises * SELF_TEST_BUDGET.perExerciseCpuSeconds + SELF_TEST_BUDGET.sharedCpuSeconds) / SELF_TEST_BUDGET.cores;
