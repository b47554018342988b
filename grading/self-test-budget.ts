/**
 * What the repo's own tests may spend, written down so that CI still fits in
 * 20 minutes on 2 cores when the repo holds twenty exercises (issue 18).
 *
 * - `perExerciseCpuSeconds`: one exercise's share of `npm test`: its catalog
 *   and ledger checks, its reference and stub graded, its visible tests,
 *   every known-wrong variant in the batch with the red teams' bases, and
 *   the check that its mutation report is current (`npm run check --
 *   <exercise>` prints what it used);
 * - `mutationGateCpuSeconds`: one exercise's share of `npm run
 *   test:mutation`, StrykerJS confirming its committed verdicts (CI runs it
 *   after `npm test`; it left `npm test` when the tenth exercise came);
 * - `sharedCpuSeconds`: the rest of `npm test`, which does not grow with
 *   exercises: the harness's and the grader's unit tests, hints, the scaffold;
 * - `graderCpuSeconds`: `npm run test:grader`, the grader end to end against
 *   hostile and untrusted code, its CLI and its pages.
 *
 * Both cores kept busy, the wall time is the CPU time over `cores`.
 */
export const SELF_TEST_BUDGET = {
  cores: 2,
  perExerciseCpuSeconds: 60,
  mutationGateCpuSeconds: 20,
  sharedCpuSeconds: 120,
  graderCpuSeconds: 650,
} as const;

/** The wall time, in seconds, the budget allows `npm test` with `exercises` exercises. */
export const npmTestBudgetSeconds = (exercises: number): number =>
  (exercises * SELF_TEST_BUDGET.perExerciseCpuSeconds + SELF_TEST_BUDGET.sharedCpuSeconds) / SELF_TEST_BUDGET.cores;

/** The wall time, in seconds, the budget allows CI (`npm test`, `npm run test:grader`, `npm run test:mutation`) with `exercises` exercises. */
export const ciBudgetSeconds = (exercises: number): number =>
  npmTestBudgetSeconds(exercises) + (SELF_TEST_BUDGET.graderCpuSeconds + exercises * SELF_TEST_BUDGET.mutationGateCpuSeconds) / SELF_TEST_BUDGET.cores;
