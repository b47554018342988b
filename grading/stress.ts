/**
 * npm run stress -- [--seeds 1-50] [SLUG ...] [--jobs N] [--split] [--burners N] [--no-recheck]
 *
 * Grades the reference solutions at many seeds, each seed in its own child
 * (`grade --solutions --seed N --json …`), and lists every exercise that
 * scored below 100 % with its seed and failing tests. A failing seed is a bug
 * in a suite or a solution. Each failure is graded once more alone, after the
 * rest, to see whether it reproduces.
 *
 * `--split` grades each exercise at each seed in a child of its own, so that
 * `--jobs 10` runs ten grades at once; `--burners N` keeps N CPU-bound
 * processes running beside them. Together they are the proof that a busy
 * machine costs a correct implementation nothing (deadlines count the CPU
 * time the code used, harness/deadline.ts): the run ends with each test's
 * worst CPU time as a fraction of its budget, and its worst wall time as a
 * fraction of its wall-time limit.
 *
 * Exit status: 0 when every exercise scored 100 % at every seed; 1 when any
 * did not; 2 for a usage error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { helpText, parseCommand, UsageError, usageMessage } from './args';
import { catalog } from './catalog';
import { commands } from './commands';
import { defaultJobs, pool, runCli } from './child';
import type { RunResult, TestResult } from './model';
import { parseSeed } from '../harness/suite/env';
import { WALL_FACTOR } from '../harness/deadline';
import { REFERENCE_COSTS, type ReferenceCosts } from './reference-costs';
import { ROOT } from './paths';

const HELP = `Grades solutions/ at every seed in LIST and reports every exercise below 100 %.

  --seeds LIST    seeds: ranges and single seeds, e.g. 1-50 or 1-10,77 (default 1-50)
  --jobs N        grades at once (default ${defaultJobs()}, one per core)
  --split         one grade per exercise and seed (default: one per seed, every exercise in it)
  --burners N     keep N CPU-bound processes running beside the grades (default 0)
  --write-costs   record each test's most CPU time over the run in ${path.relative(ROOT, REFERENCE_COSTS)}
                  (the exercises graded get fresh entries; the others keep theirs)
  --no-recheck    do not regrade failing seeds alone to see whether they reproduce
  --help          show this`;

/** One seed's grade can run every suite; far longer than that means the grader hung. */
const SEED_LIMIT_MS = 15 * 60_000;

interface Options {
  seeds: number[];
  slugs: string[];
  jobs: number;
  recheck: boolean;
  split: boolean;
  burners: number;
  writeCosts: boolean;
}

function parseSeeds(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const range = /^(\d+)-(\d+)$/.exec(part.trim());
    if (range) {
      const [from, to] = [parseSeed(range[1]), parseSeed(range[2])];
      if (to < from) throw new UsageError(`--seeds: ${part} is an empty range`);
      for (let seed = from; seed <= to; seed++) seeds.push(seed);
    } else {
      seeds.push(parseSeed(part.trim()));
    }
  }
  return [...new Set(seeds)];
}

function parse(argv: readonly string[]): Options | 'help' {
  const parsed = parseCommand(commands.stress, argv);
  if (parsed === 'help') return 'help';
  const { values } = parsed;
  const whole = (flag: string, text: string, min: number): number => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < min) throw new UsageError(`${flag} needs a ${min === 1 ? 'positive integer' : 'whole number'}, not "${text}"`);
    return n;
  };
  let seeds: number[];
  try {
    seeds = parseSeeds(values.seeds ?? '1-50');
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(`--seeds needs seeds in [0, 4294967295], such as 1-50 or 1-10,77, not "${values.seeds}"`);
  }
  return {
    seeds,
    slugs: [...parsed.exercises],
    jobs: values.jobs === undefined ? defaultJobs() : whole('--jobs', values.jobs, 1),
    recheck: values['no-recheck'] !== true,
    split: values.split === true,
    burners: values.burners === undefined ? 0 : whole('--burners', values.burners, 0),
    writeCosts: values['write-costs'] === true,
  };
}

/** One exercise at one seed that did not score 100 %, or a seed whose grade did not finish. */
interface Failure {
  readonly seed: number;
  readonly exercise: string;
  readonly score: string;
  readonly tests: readonly TestResult[];
  readonly notes: readonly string[];
}

interface SeedRun {
  readonly seed: number;
  readonly seconds: number;
  readonly failures: readonly Failure[];
  readonly result?: RunResult;
}

const firstLine = (text: string): string => text.split('\n')[0] ?? '';

async function gradeSeed(seed: number, slugs: readonly string[], scratch: string): Promise<SeedRun> {
  const json = path.join(scratch, `seed-${seed}-${Math.random().toString(36).slice(2)}.json`);
  const run = await runCli(['--solutions', '--seed', String(seed), '--json', json, ...slugs], SEED_LIMIT_MS).done;
  let result: RunResult | undefined;
  try {
    result = JSON.parse(fs.readFileSync(json, 'utf8')) as RunResult;
  } catch {
    result = undefined;
  }
  fs.rmSync(json, { force: true });
  const failures: Failure[] = [];
  if (run.code !== 0 || result === undefined) {
    const why = run.timedOut ? `stopped after ${SEED_LIMIT_MS / 60_000} min` : `grade exited with ${run.code ?? run.signal}`;
    const tail = run.output.trimEnd().split('\n').slice(-5);
    failures.push({ seed, exercise: '(grader)', score: 'no result', tests: [], notes: [why, ...tail] });
  }
  for (const exercise of result?.exercises ?? []) {
    if (exercise.maxScore > 0 && exercise.score === exercise.maxScore) continue;
    failures.push({
      seed,
      exercise: exercise.name,
      score: `${exercise.score}/${exercise.maxScore}`,
      tests: exercise.tests.filter((t) => t.status !== 'passed'),
      notes: exercise.notes,
    });
  }
  return { seed, seconds: run.seconds, failures, ...(result === undefined ? {} : { result }) };
}

/** Each test's worst cost over the runs: CPU time against its budget, wall time against its wall-time limit. */
function costTable(runs: readonly SeedRun[]): string[] {
  const worst = new Map<string, { cpu: number; wall: number; budgetMs: number; cpuMs: number; wallMs: number }>();
  for (const exercise of runs.flatMap((r) => r.result?.exercises ?? [])) {
    for (const test of exercise.tests) {
      if (test.budgetMs === undefined || test.cpuMs === undefined) continue;
      const key = `${exercise.name} · ${test.name}`;
      const cpu = test.cpuMs / test.budgetMs;
      const wall = (test.durationMs ?? 0) / (test.budgetMs * WALL_FACTOR);
      const seen = worst.get(key);
      worst.set(key, {
        cpu: Math.max(cpu, seen?.cpu ?? 0),
        wall: Math.max(wall, seen?.wall ?? 0),
        budgetMs: test.budgetMs,
        cpuMs: Math.max(test.cpuMs, seen?.cpuMs ?? 0),
        wallMs: Math.max(test.durationMs ?? 0, seen?.wallMs ?? 0),
      });
    }
  }
  const rows = [...worst.entries()].sort((a, b) => b[1].cpu - a[1].cpu);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const lines = [`${rows.length} tests; worst CPU time / budget over every run: ${rows.length > 0 ? pct(rows[0]![1].cpu) : 'none'}; worst wall time / wall limit: ${pct(Math.max(0, ...rows.map(([, r]) => r.wall)))}`];
  for (const [name, r] of rows.slice(0, 10)) {
    lines.push(`  ${pct(r.cpu).padStart(7)} of ${r.budgetMs} ms CPU (${r.cpuMs} ms), ${pct(r.wall).padStart(7)} of ${r.budgetMs * WALL_FACTOR} ms wall (${r.wallMs} ms)  ${name.length > 110 ? `${name.slice(0, 109)}…` : name}`);
  }
  return lines;
}

/**
 * Each test's most CPU time over the runs, written into the recorded file: the exercises graded here get fresh
 * entries (never merged with an earlier measurement), the others keep theirs.
 */
function writeCosts(runs: readonly SeedRun[], how: string): void {
  const recorded: ReferenceCosts = fs.existsSync(REFERENCE_COSTS) ? (JSON.parse(fs.readFileSync(REFERENCE_COSTS, 'utf8')) as ReferenceCosts) : { measured: {}, exercises: {} };
  const exercises = runs.flatMap((r) => r.result?.exercises ?? []);
  for (const name of new Set(exercises.map((e) => e.name))) {
    recorded.exercises[name] = {};
    recorded.measured[name] = how;
  }
  for (const exercise of exercises) {
    const costs = recorded.exercises[exercise.name]!;
    for (const test of exercise.tests) if (test.cpuMs !== undefined) costs[test.name] = Math.max(test.cpuMs, costs[test.name] ?? 0);
  }
  fs.writeFileSync(REFERENCE_COSTS, `${JSON.stringify(recorded, null, 2)}\n`);
}

/** CPU-bound processes, until stopped: the load of a busy machine. */
function startBurners(count: number): ChildProcess[] {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function describe(failure: Failure): string {
  const lines = [`seed ${failure.seed}  ${failure.exercise}  ${failure.score}`];
  for (const test of failure.tests) {
    lines.push(`  ✗ [${test.maxPoints}] ${test.name} (task ${test.task}, ${test.status})`);
    lines.push(`      ${firstLine(test.message)}`);
    if (test.replay) lines.push(`      replay: ${test.replay}`);
  }
  for (const note of failure.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  let options: Options;
  try {
    const parsed = parse(process.argv.slice(2));
    if (parsed === 'help') {
      process.stdout.write(helpText(commands.stress, HELP));
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(usageMessage(commands.stress, error.message));
      return 2;
    }
    throw error;
  }
  const slugs = options.slugs.length > 0 ? options.slugs : catalog.map((e) => e.slug);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-stress-'));
  const started = performance.now();
  const items = options.split ? options.seeds.flatMap((seed) => slugs.map((slug) => ({ seed, slugs: [slug] }))) : options.seeds.map((seed) => ({ seed, slugs: options.slugs }));
  console.error(
    `stress: ${options.seeds.length} seed(s) × ${slugs.join(', ')}, ${items.length} grade(s), ${options.jobs} at a time` +
      (options.burners > 0 ? `, beside ${options.burners} CPU-bound process(es) on ${os.availableParallelism()} core(s)` : ''),
  );
  const burners = startBurners(options.burners);
  try {
    let done = 0;
    const runs = await pool(items, options.jobs, async (item) => {
      const run = await gradeSeed(item.seed, item.slugs, scratch);
      done++;
      const verdict = run.failures.length === 0 ? 'all 100 %' : run.failures.map((f) => `${f.exercise} ${f.score}`).join(', ');
      console.error(`[${done}/${items.length}] seed ${item.seed}${options.split ? ` ${item.slugs[0]}` : ''}: ${verdict} (${run.seconds.toFixed(1)} s)`);
      return run;
    });
    for (const burner of burners) burner.kill('SIGKILL');
    const failures = runs.flatMap((r) => r.failures);
    const wall = (performance.now() - started) / 1000;
    const slowest = runs.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    console.log(`\n${items.length} grade(s) in ${wall.toFixed(0)} s wall with ${options.jobs} job(s)${options.burners > 0 ? ` and ${options.burners} burner(s)` : ''}; slowest: seed ${slowest.seed}, ${slowest.seconds.toFixed(1)} s`);
    for (const line of costTable(runs)) console.log(line);
    if (options.writeCosts) {
      writeCosts(runs, `npm run stress -- ${process.argv.slice(2).join(' ')} (seeds ${options.seeds[0]}–${options.seeds.at(-1)}, ${os.availableParallelism()} cores)`);
      console.log(`wrote ${path.relative(ROOT, REFERENCE_COSTS)}`);
    }
    if (failures.length === 0) {
      console.log(`every exercise scored 100 % at every seed (${slugs.length} exercise(s) × ${options.seeds.length} seed(s))`);
      return 0;
    }
    console.log(`\n${failures.length} exercise run(s) below 100 %:\n`);
    for (const failure of failures) {
      console.log(describe(failure));
      if (options.recheck && failure.exercise !== '(grader)') {
        const again = await gradeSeed(failure.seed, [failure.exercise], scratch);
        const still = again.failures.find((f) => f.exercise === failure.exercise);
        console.log(still ? `  graded again alone: reproduced (${still.score}, ${still.tests.map((t) => t.name).join(' | ')})` : '  graded again alone: not reproduced (100 %): load-dependent, a deadline too tight for a busy machine');
      }
      console.log('');
    }
    console.log(`${failures.length} exercise run(s) below 100 % over ${options.seeds.length} seed(s)`);
    return 1;
  } finally {
    for (const burner of burners) burner.kill('SIGKILL');
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(`stress: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
