/**
 * npm run check -- <exercise>: everything the repo's tests prove about one
 * exercise, what someone changing it runs before committing.
 *
 *   0. what it still lacks before it is done (DESIGN.md, "When an exercise is
 *      done"), a checklist with the command or file that fixes each item
 *      (grading/new-exercise/checklist.ts; a draft always lacks something);
 *   1. the whole repo type-checks (stubs, suites, variants' tooling);
 *   2. its per-exercise self-tests, the same files `npm test` runs, narrowed to
 *      it (FAULTLINE_CHECK): the catalog and tree; the contract ledger
 *      complete; the reference scoring 100 % within its budgets, its README
 *      rubric exact; the untouched stub scoring 0, each test "not
 *      implemented"; the visible tests passing on the reference; every
 *      known-wrong variant a patch that applies and fails the tests it names,
 *      every red team's base at full marks;
 *   3. the reference at more seeds than the self-tests' one (`npm run stress`);
 *   4. its mutation gate as `npm test` runs it (`--check`): the score and its
 *      exact allow-list from the committed verdicts; when it fails (a stale
 *      report, say), `npm run mutation` (a full run, which refreshes the
 *      report), then the gate again.
 *
 * Each step's wall time and CPU time is printed, and the total against the
 * exercise's self-test budget (grading/self-test-budget.ts). Exit status: 0
 * when every step passed, 1 when one failed, 2 for a usage error.
 *
 *   npm run check -- <exercise> [--seeds LIST] [--skip-mutation]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseOrExit } from './args';
import { exerciseSpec } from './catalog';
import { commands } from './commands';
import { checklist, renderChecklist } from './new-exercise/checklist';
import { ROOT, TSX_BIN, VITEST_BIN } from './paths';
import { SELF_TEST_BUDGET } from './self-test-budget';

const HELP = `What the exercise still lacks, then every proof the repo's tests make of it, each step timed.
  --seeds LIST       the reference's extra seeds (default 2-4; the self-tests grade seed 1)
  --skip-mutation    leave out the mutation run`;

/** The per-exercise self-test files (grading/test), narrowed to one exercise by FAULTLINE_CHECK. */
const SELF_TESTS = ['catalog', 'ledger', 'solutions', 'broken'].map((name) => `grading/test/${name}.test.ts`);

/** CPU seconds of the children this process has waited for (Linux: /proc/self/stat, cutime + cstime). */
function childCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: state is field 3; cutime and cstime are fields 16 and 17 (1-based), in clock ticks.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

interface Step {
  readonly title: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

function run(step: Step): { ok: boolean; wall: number; cpu: number | undefined } {
  process.stdout.write(`\n== ${step.title}\n$ ${step.args.map((a) => path.relative(ROOT, a) || a).join(' ')}\n`);
  const cpuBefore = childCpuSeconds();
  const started = performance.now();
  const child = spawnSync(process.execPath, step.args, { cwd: ROOT, stdio: 'inherit', env: { ...cleanEnv(), ...step.env } });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = childCpuSeconds();
  return { ok: child.status === 0, wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** The environment of a maintainer's shell: no vitest or faultline settings leaking in. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !key.startsWith('FAULTLINE_') && key !== 'NODE_OPTIONS'));
}

async function main(): Promise<number> {
  const parsed = parseOrExit(commands.check, HELP);
  const slug = parsed.exercises[0]!;
  const values = { ...parsed.values, seeds: parsed.values.seeds ?? '2-4' };
  process.stdout.write(`== what ${slug} still lacks\n`);
  const items = await checklist(exerciseSpec(slug));
  process.stdout.write(`${renderChecklist(exerciseSpec(slug), items)}\n`);
  const lacking = items.filter((item) => !item.ok).length;
  const steps: Step[] = [
    { title: 'type-check', args: [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'] },
    { title: `self-tests of ${slug}`, args: [VITEST_BIN, 'run', '--project', 'self', ...SELF_TESTS], env: { FAULTLINE_CHECK: slug } },
    { title: `the reference at seeds ${values.seeds}`, args: [TSX_BIN, 'grading/stress.ts', '--seeds', values.seeds, slug] },
  ];
  const results = steps.map((step) => ({ step, ...run(step) }));
  if (!values['skip-mutation']) {
    // The gate as npm test runs it; when it fails (a stale report, say), a mutation run refreshes the report, and the gate again.
    const gate: Step = { title: 'mutation gate', args: [TSX_BIN, 'grading/mutation/run.ts', slug, '--check'] };
    const first = { step: gate, ...run(gate) };
    if (first.ok) results.push(first);
    else {
      const refresh: Step = { title: 'mutation run (the gate failed)', args: [TSX_BIN, 'grading/mutation/run.ts', slug] };
      results.push({ step: refresh, ...run(refresh) }, { step: gate, ...run(gate) });
    }
  }
  const seconds = (n: number | undefined) => (n === undefined ? '?' : `${n.toFixed(1)} s`);
  process.stdout.write(`\n${slug}: npm run check\n`);
  process.stdout.write(`  ${lacking === 0 ? 'ok  ' : 'FAIL'}  ${'the done checklist'.padEnd(40)} ${lacking === 0 ? 'complete' : `${lacking} item(s) missing`}\n`);
  for (const r of results) process.stdout.write(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.step.title.padEnd(40)} ${seconds(r.wall).padStart(8)} wall  ${seconds(r.cpu).padStart(8)} CPU\n`);
  // What this exercise costs the root npm test (its self-tests), and npm run test:mutation (its mutation gate).
  const selfTests = results[1]!.cpu;
  const gate = results.filter((r) => r.step.title === 'mutation gate').slice(-1)[0]?.cpu;
  const budget = SELF_TEST_BUDGET.perExerciseCpuSeconds;
  const gateBudget = SELF_TEST_BUDGET.mutationGateCpuSeconds;
  process.stdout.write(
    `  its share of npm test: ${seconds(selfTests)} of CPU; the budget is ${budget} s per exercise (grading/self-test-budget.ts)` +
      `${selfTests !== undefined && selfTests > budget ? ': OVER BUDGET, make its self-tests cheaper' : ''}\n`,
  );
  if (!values['skip-mutation']) {
    process.stdout.write(
      `  its share of npm run test:mutation: ${seconds(gate)} of CPU; the budget is ${gateBudget} s per exercise` +
        `${gate !== undefined && gate > gateBudget ? ': OVER BUDGET' : ''}\n`,
    );
  }
  const failed = [...(lacking === 0 ? [] : ['the done checklist']), ...results.filter((r) => !r.ok).map((r) => r.step.title)];
  process.stdout.write(failed.length === 0 ? `${slug}: every check passed\n` : `${slug}: ${failed.length} step(s) failed: ${failed.join(', ')}\n`);
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
