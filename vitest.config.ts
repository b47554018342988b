/**
 * One vitest project per exercise (its visible tests and its hidden suite),
 * plus `self`: the repo's own tests. `@impl/<slug>` resolves to the code under
 * test: the learner's exercise folder by default, or the folder named by
 * FAULTLINE_IMPL_ROOT (the grader sets it for --solutions and --submission).
 * The hidden suites are grading/suites/<slug>, or <FAULTLINE_SUITE_DIR>/<slug>
 * for a private suite (the grader stages it and sets this for --suite).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { catalog } from './grading/catalog.ts';
import { importGuard } from './grading/import-guard.ts';
import { readableInGrade } from './grading/sandbox.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
// Relative to the checkout: a mutation run (grading/mutation/run.ts) names `solutions` inside Stryker's sandbox copy.
const implRoot = path.resolve(root, process.env.FAULTLINE_IMPL_ROOT || 'exercises');
// The hidden suites: ours, or a private suite the grader staged beside them (`grade --suite`, grading/private-suite.ts).
const suiteRoot = path.relative(root, path.resolve(root, process.env.FAULTLINE_SUITE_DIR || 'grading/suites')).split(path.sep).join('/');
/**
 * The grader's end-to-end tests against hostile, untrusted and malformed submissions, its CLI and its browser pages:
 * the `grader` project. They cost the same however many exercises there are; `npm test` runs the rest.
 */
const GRADER_TESTS = ['hostile', 'untrusted', 'cli', 'batch', 'edition', 'timeline-browser', 'ui-browser'].map((name) => `grading/test/${name}.test.ts`);
/**
 * StrykerJS confirming every exercise's committed mutation verdicts: the `mutation` project (npm run test:mutation;
 * CI runs it). `npm test` keeps the cheap half of the gate, that each report was made from the checkout's inputs
 * (grading/test/mutation-fresh.test.ts).
 */
const MUTATION_TESTS = ['grading/test/mutation.test.ts'];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The projects named on vitest's command line (`--project NAME`, `--project=NAME`, repeated). */
const namedProjects = (argv: readonly string[]): string[] =>
  argv.flatMap((arg, i) => (arg === '--project' && argv[i + 1] !== undefined ? [argv[i + 1]!] : arg.startsWith('--project=') ? [arg.slice('--project='.length)] : []));
const selected = namedProjects(process.argv);
/**
 * A learner's run (an exercise's npm test, watch and ui scripts, `npm run watch`, `npm run ui`: only exercise projects
 * named) prints the score reporter's report alone, which fits a screen; the repo's own tests, and FAULTLINE_VERBOSE=1,
 * get vitest's own report beside it. The grader names its reporter on the command line, which replaces these.
 */
const learnerRun = selected.length > 0 && selected.every((name) => !name.startsWith('self')) && !(process.env.FAULTLINE_VERBOSE && process.env.FAULTLINE_VERBOSE !== '0');
// A graded run (the grader sets a progress file, grading/runner.ts) runs learner code under Node's permission model:
// it may read the checkout (less the reference and the rest of what never ships) and the code under test, write only the progress file and timelines, and start no process.
const progressFile = process.env.FAULTLINE_PROGRESS;
const graded = progressFile !== undefined && progressFile !== '';
const mutation = process.env.FAULTLINE_MUTATION || undefined;
// A grade (grading/runner.ts) names its exercise: the config then sets up that project alone, not one per exercise.
const onlyProject = mutation ?? (process.env.FAULTLINE_PROJECT || undefined);
// A checkout whose node_modules links elsewhere (a git worktree sharing another checkout's) loads vitest and fast-check
// from there: the sandboxed workers must be able to read it too.
const modules = path.join(root, 'node_modules');
const linkedModules = fs.existsSync(modules) && fs.realpathSync(modules) !== modules ? [`--allow-fs-read=${fs.realpathSync(modules)}`] : [];
// Each flag once: Node 20 aborts at start-up when one path is allowed twice (as when the code under test is exercises/).
const sandbox = graded
  ? [...new Set([
      // `--permission` from Node 22.13; 20 knows only the experimental flag
      process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission',
      '--disable-warning=ExperimentalWarning',
      // The checkout, less what reveals a reference or another student's code (grading/sandbox.ts)
      ...readableInGrade(root).map((file) => `--allow-fs-read=${file}`),
      `--allow-fs-read=${implRoot}`,
      // the lists of tests to skip and to run that the grader hands the suite kit (harness/suite/env.ts)
      ...[process.env.FAULTLINE_SKIP, process.env.FAULTLINE_ONLY].filter((file) => file !== undefined && file !== '').map((file) => `--allow-fs-read=${file}`),
      // a private suite the grader staged (grading/private-suite.ts), which the line above leaves out
      ...(suiteRoot === 'grading/suites' ? [] : [`--allow-fs-read=${path.resolve(root, suiteRoot)}`]),
      ...linkedModules,
      // vitest's main process hands workers their transformed modules through files in its temporary folder
      `--allow-fs-read=${os.tmpdir()}`,
      `--allow-fs-write=${progressFile}`,
      // a failed simulation's picture (harness/suite/timeline-file.ts)
      `--allow-fs-write=${path.join(root, '.faultline', 'timelines')}`,
      // the watchdog is a worker thread (harness/suite/watchdog.ts); threads keep the process's permissions
      '--allow-worker',
    ])]
  : [];

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
    // (Not under Stryker, which runs vitest's threads pool: a worker thread takes no V8 flags.)
    execArgv: mutation ? [] : ['--max-old-space-size=512', ...sandbox],
    reporters: [...(learnerRun ? [] : ['default']), path.join(root, 'grading/reporters/score-reporter.ts')],
    projects: [
      // A mutation run (grading/mutation/run.ts) runs one exercise's hidden suite, and nothing else.
      ...catalog.filter((exercise) => onlyProject === undefined || exercise.slug === onlyProject).map((exercise) => ({
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
          // A grade runs each test file in a fresh worker; practice shares workers between files, with fresh modules per
          // file (harness/suite/fresh-modules.ts), so that a re-run in watch mode shows its score about a second after a save.
          isolate: graded,
          // Practice runs spread the files over every core (vitest's default in watch mode is half of them: one worker on
          // 2 cores). A grade keeps vitest's default, and so does Stryker, which runs its own test runners side by side.
          ...(graded || mutation ? {} : { maxWorkers: os.availableParallelism() }),
          setupFiles: [
            ...(graded ? [] : [path.join(root, 'harness/suite/fresh-modules.ts')]),
            // Takes the grader's proof key out of the environment before any other module of the worker loads.
            path.join(root, 'harness/suite/proof.ts'),
          ],
          include: [...(mutation ? [] : [`exercises/${exercise.slug}/**/*.test.ts`]), `${suiteRoot}/${exercise.slug}/**/*.test.ts`],
        },
      })),
      ...(onlyProject !== undefined
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'self',
                include: ['harness/test/**/*.test.ts', 'grading/test/**/*.test.ts'],
                exclude: [...GRADER_TESTS, ...MUTATION_TESTS],
                testTimeout: 180_000,
                // vitest's default on 2 cores is one file at a time, but these files mostly start graders and wait on
                // them: three at once keep both cores busy. Verdicts count CPU time (harness/deadline.ts), so a busy
                // machine slows the run and changes no result.
                maxWorkers: 3,
              },
            },
            {
              extends: true as const,
              test: {
                // The grader against hostile and untrusted code, end to end (npm run test:grader; CI runs it after npm test).
                name: 'self-grader',
                include: GRADER_TESTS,
                // A backstop: each grade inside is bounded by its own limits, and a busy machine only slows it.
                testTimeout: 600_000,
                maxWorkers: 2,
              },
            },
            {
              extends: true as const,
              test: {
                name: 'self-mutation',
                include: MUTATION_TESTS,
                testTimeout: 600_000,
                maxWorkers: 1,
              },
            },
          ]),
    ],
  },
});
