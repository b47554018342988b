/** Where things are in the grader's own checkout. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VITEST_BIN = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
export const STREAM_REPORTER = path.join(ROOT, 'grading', 'reporters', 'stream-reporter.ts');
export const suiteDir = (slug: string): string => path.join('grading', 'suites', slug);
