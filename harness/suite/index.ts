/** What graded suites use to declare tests; reporters read `GradedMeta`. */
export { gradedSuite, DEFAULT_DEADLINE_MS } from './graded';
export { expectRangeError } from './expect-error';
export { codePointString, commands } from './arbitraries';
export type { GradedSuite, GradedTestSpec, GradedContext } from './graded';
export type { CheckOptions } from './property';
export { CATEGORIES, byTaskAndPart } from './types';
export type { Category, GradedMeta, SuiteExercise } from './types';
export { runSettings, parseSeed, DEFAULT_SEED } from './env';
export { replayCommand, testKey } from './replay';
export { describeThrown, isPlainError } from './describe-value';
export { defineLedger, CLAUSE_ID, CLAUSE_MARK } from './ledger';
export type { Clause, Ledger } from './ledger';
