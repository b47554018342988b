/** Where things are in the grader's own checkout. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VITEST_BIN = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
export const TSX_BIN = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
export const STREAM_REPORTER = path.join(ROOT, 'grading', 'reporters', 'stream-reporter.ts');
/**
 * The folder holding every exercise's hidden suite (`<slug>/`): ours, or a
 * private suite the grader staged (`grade --suite`, which sets FAULTLINE_SUITE_DIR).
 */
export const suiteRoot = (): string => path.resolve(ROOT, process.env.FAULTLINE_SUITE_DIR || path.join('grading', 'suites'));
/** One exercise's hidden suite, relative to ROOT (a vitest file filter). */
export const suiteDir = (slug: string): string => path.relative(ROOT, path.join(suiteRoot(), slug));
