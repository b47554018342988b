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
 * Incrementally: the verdicts of the last run are committed, with the inputs
 * they came from, in grading/mutation/incremental/<exercise>.json
 * (incremental.ts). When only test files changed since, Stryker's incremental
 * mode reruns just the mutants their tests killed or now cover and reuses
 * every other verdict; when nothing changed, it reuses them all after its dry
 * run. Any other change (the reference, a suite helper, the harness, the
 * vitest config, a tool version: inputs.ts says why) makes a full run, as
 * does --force. The run then writes the report back.
 *
 * --check is the gate's mode (grading/test/mutation.test.ts): it fails at
 * once, naming the command that refreshes it, unless the committed report was
 * made from exactly the checkout's inputs; then it verifies it with an
 * incremental run and writes nothing under grading/.
 *
 * Timeouts never pass for kills here: instrumented code runs slower, so every
 * suite deadline is stretched (FAULTLINE_DEADLINE_SCALE) and Stryker's own
 * timeout is generous. A mutant that still runs out of time is counted as a
 * timeout, apart from the kills, as is one "killed" only by a suite deadline.
 * Then the exercise's allow-list of equivalent mutants
 * (grading/mutation/equivalent/<exercise>.json) is applied and the score
 * written: grading/mutation/report.ts says how.
 *
 *   npm run mutation -- <exercise> [--force | --check] [--concurrency N] [--min PCT]
 *
 * Exit status: 0 when the score is at least --min (default 0); 1 below it,
 * when the allow-list names a mutant that is not a survivor, when --check
 * finds the committed report stale, or when an input changed during the run;
 * 2 for a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exitWithUsage, parseOrExit } from '../args';
import { commands } from '../commands';
import { ROOT } from '../paths';
import { fromStryker, readCommitted, reusedCount, toStryker, withSources, writeCommitted, incrementalFile, type StrykerIncrementalReport } from './incremental';
import { compareInputs, describeChanges, readInputs, verdictOptions } from './inputs';
import { summarise, renderSummary, readAllowList } from './report';

const HELP = `Mutation testing of the exercise's reference against its hidden suite (StrykerJS), incremental when it can be.
  --force            a full run, whatever changed
  --check            the gate: fail unless the committed report matches the checkout, then verify it; write nothing
  --concurrency N    test runners at once (Stryker's default: one per core, less one)
  --min PCT          exit 1 below this mutation score (default 0)`;

const { exercises, values } = parseOrExit(commands.mutation, HELP);
const slug = exercises[0]!;
const number = (flag: 'concurrency' | 'min'): number | undefined => {
  const text = values[flag];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) exitWithUsage(commands.mutation, `--${flag} needs ${flag === 'min' ? 'a percentage' : 'a number of test runners'}, not "${text}"`);
  return value;
};
const min = number('min') ?? 0;
const concurrency = number('concurrency');
const force = values.force === true;
const check = values.check === true;
if (force && check) exitWithUsage(commands.mutation, '--force and --check do not go together: --check never runs what it checks in full');

process.chdir(ROOT);
const committedFile = path.relative(ROOT, incrementalFile(slug));
const refresh = `npm run mutation -- ${slug}`;
const inputs = readInputs(slug);
const committed = readCommitted(slug);
const freshness = compareInputs(slug, committed?.inputs, inputs);
const full = force || freshness.rerun === 'full';

if (check && freshness.rerun !== 'none') {
  const what =
    committed === undefined
      ? [`there is no ${committedFile}`]
      : [`${committedFile} was made from other inputs than the checkout's:`, ...describeChanges(freshness.changes).map((line) => `  ${line}`)];
  const cost = freshness.rerun === 'full' ? 'a full run: see the README, "Mutation testing", for how long' : 'an incremental run of the mutants those tests killed or cover';
  process.stdout.write(
    `mutation: ${slug}: the committed mutation report is stale, so the gate cannot vouch for it.\n${what.join('\n')}\nRefresh it with \`${refresh}\` (${cost}) and commit ${committedFile}.\n`,
  );
  process.exit(1);
}

const options = verdictOptions(slug);
// Read by vitest.config.ts and the suite kit in every test runner Stryker starts; nothing from the caller's shell may change a verdict.
process.env.FAULTLINE_MUTATION = slug;
process.env.FAULTLINE_IMPL_ROOT = 'solutions';
process.env.FAULTLINE_DEADLINE_SCALE = String(options.deadlineScale);
process.env.FAULTLINE_SEED = String(options.seed);
for (const name of ['FAULTLINE_PROGRESS', 'FAULTLINE_SUITE_DIR', 'FAULTLINE_SKIP', 'FAULTLINE_ONLY', 'FAULTLINE_REPLAY', 'FAULTLINE_DEADLINE_CLOCK', 'FAULTLINE_PROOF_KEY']) delete process.env[name];

// Stryker reads its incremental input from this file and writes its whole report over it.
const strykerFile = path.join('reports', 'mutation', `${slug}.stryker.json`);
fs.mkdirSync(path.dirname(strykerFile), { recursive: true });
fs.rmSync(strykerFile, { force: true });
const source = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
if (full) {
  const why = force ? '--force' : committed === undefined ? `no ${committedFile} yet` : describeChanges(freshness.changes).join('; ');
  process.stdout.write(`mutation: ${slug}: a full run (${why})\n`);
} else {
  fs.writeFileSync(strykerFile, JSON.stringify(toStryker(committed!, inputs, source)));
  const changed = freshness.rerun === 'incremental' ? `, after these changes: ${describeChanges(freshness.changes).join('; ')}` : '';
  process.stdout.write(`mutation: ${slug}: an incremental run from ${committedFile}${changed}\n`);
}

const started = performance.now();
// Loaded only now: a stale report fails the gate before StrykerJS's import costs a few seconds.
const { Stryker } = await import('@stryker-mutator/core');
const stryker = new Stryker({
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  mutate: [...options.mutate],
  coverageAnalysis: options.coverageAnalysis,
  // No type checker: a mutant that would not compile still runs (Stryker marks the file @ts-nocheck).
  checkers: [],
  reporters: ['progress'],
  incremental: true,
  incrementalFile: strykerFile,
  timeoutMS: options.timeoutMS,
  timeoutFactor: options.timeoutFactor,
  ...(concurrency === undefined ? {} : { concurrency }),
  // Nothing the suite run loads (inputs.ts): what was measured, the committed reports, the known-wrong variants, and the
  // private suites other tests stage and remove while this copies the checkout (grading/private-suite.ts).
  ignorePatterns: ['/.faultline', '/reports', '/grading/docs', '/.stryker-tmp', '/grading/mutation/incremental', '/grading/suites/*/broken', '/grading/.suite-*'],
  // One folder per exercise: mutation runs of different exercises may share a checkout.
  tempDirName: `.stryker-tmp/${slug}`,
  // Stryker would walk the whole checkout, ignorePatterns or not, for node_modules folders to link into the sandbox,
  // and fail when a test run beside it removes a folder of .faultline/ under its feet (a staged batch). The sandbox
  // lies inside the checkout, so Node finds the checkout's node_modules from it without a link.
  symlinkNodeModules: false,
  cleanTempDir: 'always',
});
await stryker.runMutationTest();
const seconds = (performance.now() - started) / 1000;

const written = JSON.parse(fs.readFileSync(strykerFile, 'utf8')) as StrykerIncrementalReport;
const report = fromStryker(slug, written, inputs);
const after = compareInputs(slug, inputs, readInputs(slug));
if (after.rerun !== 'none') {
  process.stdout.write(
    `\nmutation: ${slug}: inputs changed while Stryker ran, so its verdicts may describe neither version:\n${describeChanges(after.changes).map((line) => `  ${line}`).join('\n')}\nNothing was written under grading/; run \`${refresh}\` again once they are settled.\n`,
  );
  process.exit(1);
}
if (!check) writeCommitted(report);

const summary = summarise(slug, withSources(report, source), readAllowList(slug), seconds, reusedCount(written));
const out = path.join('reports', 'mutation', `${slug}.json`);
fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`\n${renderSummary(summary)}\nsummary: ${out}${check ? '' : `; verdicts: ${committedFile} (commit it)`}\n`);
process.exit(summary.problems.length > 0 || summary.score < min ? 1 : 0);
