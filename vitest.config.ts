/**
 * One vitest project per exercise (its visible tests and its hidden suite),
 * plus `self`: the repo's own tests. `@impl/<slug>` resolves to the code under
 * test: the learner's exercise folder by default, or the folder named by
 * FAULTLINE_IMPL_ROOT (the grader sets it for --solutions and --submission).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { catalog } from './grading/catalog.ts';
import { importGuard } from './grading/import-guard.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const implRoot = path.resolve(process.env.FAULTLINE_IMPL_ROOT || path.join(root, 'exercises'));
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  resolve: {
    alias: [{ find: /^@faultline\/harness$/, replacement: path.join(root, 'harness/index.ts') }],
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
          include: [`exercises/${exercise.slug}/**/*.test.ts`, `grading/suites/${exercise.slug}/**/*.test.ts`],
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
