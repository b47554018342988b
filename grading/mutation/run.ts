/**
 * `npm run mutation -- <exercise>`: mutation testing of one exercise's
 * reference solution against its hidden suite, with StrykerJS.
 *
 * Stryker copies the checkout into `.stryker-tmp/`, mutates the learner files
 * of `solutions/<exercise>` there (the files a learner writes; provided
 * helpers are ours and not under test), and runs the exercise's hidden suite
 * against each mutant, only the tests that reach it (`perTest` coverage). The
 * vitest config runs that one suite and nothing else when FAULTLINE_MUTATION
 * names the exercise.
 *
 * Timeouts never pass for kills here: instrumented code runs slower, so every
 * suite deadline is stretched (FAULTLINE_DEADLINE_SCALE) and Stryker's own
 * timeout is generous. A mutant that still runs out of time is counted as a
 * timeout, apart from the kills, as is one "killed" only by a suite deadline.
 * Then the exercise's allow-list of equivalent mutants
 * (grading/mutation/equivalent/<exercise>.json) is applied and the score
 * written: grading/mutation/report.ts says how.
 *
 *   npm run mutation -- <exercise> [--concurrency N] [--min PCT]
 *
 * Exit status: 0 when the score is at least --min (default 0); 1 below it, or
 * when the allow-list names a mutant that is not a survivor; 2 for a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import { catalog, exerciseSpec } from '../catalog';
import { ROOT } from '../paths';
import { summarise, renderSummary, readAllowList } from './report';

/** How much slower a suite deadline may be met under Stryker's instrumentation. */
export const DEADLINE_SCALE = 4;

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run mutation -- <exercise> [--concurrency N] [--min PCT]\nexercises: ${catalog.map((e) => e.slug).join(', ')}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const slug = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (slug === undefined || !catalog.some((e) => e.slug === slug)) usage(slug === undefined ? 'which exercise?' : `no exercise "${slug}"`);
const option = (name: string): number | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value) || value < 0) usage(`${name} needs a number`);
  return value;
};
const spec = exerciseSpec(slug);
const min = option('--min') ?? 0;
const concurrency = option('--concurrency');

const reportFile = path.join('reports', 'mutation', `${slug}.stryker.json`);
process.chdir(ROOT);
// Read by vitest.config.ts and the suite kit in every test runner Stryker starts.
process.env.FAULTLINE_MUTATION = slug;
process.env.FAULTLINE_IMPL_ROOT = 'solutions';
process.env.FAULTLINE_DEADLINE_SCALE = String(DEADLINE_SCALE);
delete process.env.FAULTLINE_PROGRESS;

const started = performance.now();
const stryker = new Stryker({
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  mutate: spec.learnerFiles.map((file) => `solutions/${slug}/${file}`),
  coverageAnalysis: 'perTest',
  // No type checker: a mutant that would not compile still runs (Stryker marks the file @ts-nocheck).
  checkers: [],
  reporters: ['json', 'progress'],
  jsonReporter: { fileName: reportFile },
  // Generous: a correct mutant must never time out, even on a slow, busy machine (see the file comment).
  timeoutMS: 30_000,
  timeoutFactor: 4,
  ...(concurrency === undefined ? {} : { concurrency }),
  ignorePatterns: ['/.faultline', '/reports', '/grading/docs', '/.stryker-tmp'],
  // One folder per exercise: mutation runs of different exercises may share a checkout.
  tempDirName: `.stryker-tmp/${slug}`,
  cleanTempDir: 'always',
});
await stryker.runMutationTest();
const seconds = (performance.now() - started) / 1000;

const stryked = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
const summary = summarise(slug, stryked, readAllowList(slug), seconds);
const out = path.join('reports', 'mutation', `${slug}.json`);
fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`\n${renderSummary(summary)}\nfull report: ${out}\n`);
process.exit(summary.problems.length > 0 || summary.score < min ? 1 : 0);
