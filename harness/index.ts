/**
 * The harness, as learner code and reference solutions see it: nothing here
 * depends on the test runner, so it can be imported from anywhere.
 * Graded suites use `harness/suite` on top of this.
 */
export { NotImplementedError, DeadlineExceededError } from './errors';
export { runWithDeadline } from './deadline';
export { Rng, hash32, deriveSeed } from './rng';
export * from './sim';
export * from './history';
