/**
 * The mutation gate the repository's own `npm test` runs
 * (grading/test/mutation.test.ts): every exercise, and the score each must
 * keep. The gate does not mutate anything itself: it checks that each
 * exercise's committed incremental report (grading/mutation/incremental/)
 * was made from exactly the checkout's inputs, and verifies it with an
 * incremental StrykerJS run, which reuses every verdict after its dry run
 * (seconds, not the quarter of an hour a full Raft run takes). A stale report
 * fails the gate at once, naming the command that refreshes it.
 */
import { catalog } from '../catalog';

/** Every exercise's suite must keep its reference at this score or above. */
export const MIN_SCORE = 90;

/** The exercises CI runs, in the order it runs them: all of them. */
export const CI_EXERCISES: readonly string[] = catalog.map((exercise) => exercise.slug);
