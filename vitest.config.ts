/**
 * One vitest project per exercise (its visible tests and its hidden suite),
 * plus `self`: the repo's own tests. `@impl/<slug>` resolves to the code under
 * test: the learner's exercise folder by default, or the folder named by
 * FAULTLINE_IMPL_ROOT (the grader sets it for --solutions and --submission).
 * The hidden suites are grading/suites/<slug>, or <FAULTLINE_SUITE_DIR>/<slug>
 * for a private suite (the grader stages it and sets this for --suite).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { catalog } from './grading/catalog.ts';
import { importGuard } from './grading/import-guard.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const implRoot = path.resolve(process.env.FAULTLINE_IMPL_ROOT || path.join(root, 'exercises'));
// The hidden suites: ours, or a private suite the grader staged beside them (`grade --suite`, grading/private-suite.ts).
const suiteRoot = path.relative(root, path.resolve(root, process.env.FAULTLINE_SUITE_DIR || 'grading/suites')).split(path.sep).join('/');
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@faultline\/harness$/, replacement: path.join(root, 'harness/index.ts') },
      // Stable names for suite authors, wherever their suite lies.
      { find: /^@faultline\/suite$/, replacement: path.join(root, 'harness/suite/index.ts') },
      { find: /^@faultline\/catalog$/, replacement: path.join(root, 'grading/catalog.ts') },
    ],
  },
  test: {
    root,
    // A runaway allocation kills one worker, not the machine; the grader then resumes after the test that did it.
    execArgv: ['--max-old-space-size=512'],
    reporters: ['default', path.join(root, 'grading/reporters/score-reporter.ts')],
    projects: [
      ...catalog.map((exercise) => ({
        extends: true as const,
        plugins: [importGuard({ root, implDir: path.join(implRoot, exercise.slug), slug: exercise.slug })],
        resolve: {
          alias: [
            { find: new RegExp(`^@impl/${escape(exercise.slug)}$`), replacement: path.join(implRoot, exercise.slug, exercise.entry) },
            { find: new RegExp(`^@impl/${escape(exercise.slug)}/(.*)$`), replacement: `${path.join(implRoot, exercise.slug)}/$1` },
          ],
        },
        test: {
          name: exercise.slug,
          include: [`exercises/${exercise.slug}/**/*.test.ts`, `${suiteRoot}/${exercise.slug}/**/*.test.ts`],
        },
      })),
      {
        extends: true as const,
        test: {
          name: 'self',
          include: ['harness/test/**/*.test.ts', 'grading/test/**/*.test.ts'],
          testTimeout: 180_000,
        },
      },
    ],
  },
});
