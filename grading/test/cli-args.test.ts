/**
 * Every command reads its arguments alike (grading/args.ts, grading/commands.ts):
 * an unknown flag or exercise is a usage error, printed as one usage line and
 * then the reason, last, with exit status 2; `--help` prints the help. Most of
 * it is checked by calling the shared parser with each command's declaration;
 * a handful of real runs check that the commands use it, before doing any work.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog } from '../catalog';
import { commands } from '../commands';
import { helpText, parseCommand, swallowedByNpm, usageMessage, UsageError, type Command } from '../args';
import { ROOT, TSX_BIN } from '../paths';

/** Each command's file, and how it names its declaration there. */
const FILES: Record<keyof typeof commands, string> = {
  grade: 'grading/cli.ts',
  edition: 'grading/edition.ts',
  watch: 'grading/watch.ts',
  progress: 'grading/progress.ts',
  hint: 'grading/hint.ts',
  next: 'grading/next.ts',
  reset: 'grading/reset.ts',
  mutation: 'grading/mutation/run.ts',
  variant: 'grading/variants/cli.ts',
  check: 'grading/check.ts',
  newExercise: 'grading/new-exercise/cli.ts',
  ledger: 'grading/ledger-summary.ts',
  stress: 'grading/stress.ts',
  bench: 'grading/bench/timings.ts',
  benchFpRate: 'grading/bench/fp-rate.ts',
  benchConsistentHashing: 'grading/bench/consistent-hashing.ts',
  benchWriteAheadLog: 'grading/bench/write-ahead-log.ts',
  benchCrdt: 'grading/bench/crdt.ts',
  benchLinearizability: 'grading/bench/linearizability.ts',
  benchQuorum: 'grading/bench/quorum.ts',
  benchStability: 'grading/bench/stability.ts',
  benchLsm: 'grading/bench/lsm.ts',
  benchOutputLines: 'grading/bench/output-lines.ts',
  benchRaft: 'grading/bench/raft.ts',
  benchSimSpeed: 'grading/bench/sim-speed.ts',
  benchTimelinePage: 'grading/bench/timeline-page.ts',
  benchTokenBucket: 'grading/bench/token-bucket.ts',
  benchWatchLatency: 'grading/bench/watch-latency.ts',
  readmeFigures: 'grading/readme-figures.ts',
};

const NO_NPM: NodeJS.ProcessEnv = {};
const all = Object.entries(commands) as [keyof typeof commands, Command][];
const known = catalog.map((e) => e.slug).join(', ');

/** The reason parseCommand refuses `argv` with; fails the test when it accepts it. */
function refusal(spec: Command, argv: readonly string[], env: NodeJS.ProcessEnv = NO_NPM): string {
  try {
    parseCommand(spec, argv, env);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`${spec.name} accepted ${argv.join(' ')}`);
}

const accepts = (spec: Command, argv: readonly string[]) => {
  const parsed = parseCommand(spec, argv, NO_NPM);
  if (parsed === 'help') throw new Error(`${spec.name} ${argv.join(' ')}: help`);
  return parsed;
};

describe('every command', () => {
  test.each(all)('%s refuses an unknown flag and an unknown exercise, and answers --help and -h', (key, spec) => {
    expect(refusal(spec, ['--bogus'])).toMatch(/^unknown option --bogus\b/);
    const at = spec.positionals.findIndex((slot) => slot.kind === 'exercise' || slot.kind === 'exercises');
    const takesExercises = at >= 0;
    // The counts before the exercises (a benchmark's rounds), at their defaults.
    const before = spec.positionals.slice(0, Math.max(0, at)).map((slot) => (slot.kind === 'count' ? String(slot.default) : ''));
    if (takesExercises) expect(refusal(spec, [...before, 'raf'])).toBe(`unknown exercise "raf" (did you mean raft?); known: ${known}`);
    // new-exercise takes a new slug: its --lint takes a known one, and a real run below checks it refuses "raf".
    else if (key !== 'newExercise') expect(refusal(spec, ['raf'])).toMatch(/^(\w+ must be a positive whole number, not "raf"|[\w/-]+ takes no arguments, not "raf")$/);
    expect(parseCommand(spec, ['--help'], NO_NPM)).toBe('help');
    expect(parseCommand(spec, ['-h'], NO_NPM)).toBe('help');
    expect(spec.usage).not.toContain('\n');
    const help = helpText(spec, 'What it does.');
    expect(help.startsWith(`usage: ${spec.usage}\n\nWhat it does.\n`)).toBe(true);
    if (takesExercises) expect(help).toContain(`\nexercises: ${known}\n`);
  });

  test.each(all)('%s is parsed through its declaration in its own file, and nowhere by hand', (key) => {
    const source = fs.readFileSync(path.join(ROOT, FILES[key]), 'utf8');
    expect(source).toMatch(new RegExp(`\\b(parseOrExit|parseCommand)\\(\\s*(commands|cli)\\.${key}\\b`));
    expect(source).not.toMatch(/\bparseArgs\(|process\.argv\[[2-9]\]|process\.argv\.(includes|indexOf|find)\(/);
  });

  test('a usage error is two lines on stderr: the usage, then the reason, last, with the command name', () => {
    expect(usageMessage(commands.grade, 'unknown option --bogus')).toBe(
      'usage: npm run grade -- [SLUG ...] [--batch DIR --out OUTDIR] [options]   (--help for more)\ngrade: unknown option --bogus\n',
    );
    expect(usageMessage(commands.hint, 'a reason\n  on two lines').split('\n')).toEqual([expect.stringMatching(/^usage: /), 'hint: a reason on two lines', '']);
  });
});

describe('the shared parser', () => {
  test('a missing value says what the flag expects; a value that looks like a flag is no value', () => {
    expect(refusal(commands.grade, ['--seed'])).toBe('--seed needs a value: an integer in [0, 4294967295]');
    expect(refusal(commands.grade, ['--json', '--seed', '3'])).toBe('--json needs a value: a file name, not the option --seed');
    expect(refusal(commands.grade, ['--seed', '-5'])).toBe('--seed needs a value: an integer in [0, 4294967295]; to give one that starts with "-", write --seed=-5');
    expect(refusal(commands.grade, ['--solutions=yes'])).toBe('--solutions takes no value; drop "=yes"');
    expect(refusal(commands.grade, ['--sed', '3'])).toBe('unknown option --sed (did you mean --seed?)');
  });

  test('--flag=value and --flag value are the same; a flag given twice keeps the last', () => {
    expect(accepts(commands.grade, ['--seed=7', '--json', 'a.json']).values).toMatchObject({ seed: '7', json: 'a.json' });
    expect(accepts(commands.grade, ['--seed', '7', '--seed', '8']).values.seed).toBe('8');
  });

  test('exercises are deduplicated in the order given; a command of one exercise drops its repeats and refuses a second', () => {
    expect(accepts(commands.grade, ['raft', 'bloom-filter', 'raft']).exercises).toEqual(['raft', 'bloom-filter']);
    // As an exercise's own script runs it: the exercise named by the script, and again by the learner.
    expect(accepts(commands.hint, ['raft', 'raft', '1'])).toMatchObject({ exercises: ['raft'], words: { task: '1' } });
    expect(refusal(commands.reset, ['bloom-filter', 'raft'])).toBe('one exercise at a time, not "bloom-filter raft"');
    expect(refusal(commands.reset, ['bloom-filter', 'paxos'])).toMatch(/^unknown exercise "paxos"; known: /);
    expect(refusal(commands.hint, ['raft', '1', '2'])).toBe('one task at a time, not "1 2"');
    expect(refusal(commands.hint, [])).toBe(`which exercise? name one: ${known}`);
    expect(refusal(commands.newExercise, ['--dry-run'])).toBe('which exercise? give its slug, in kebab-case: consistent-hashing');
  });

  test('counts take their default, a whole number, or are refused', () => {
    expect(accepts(commands.bench, ['--record']).counts).toEqual({ RUNS: 3 });
    expect(accepts(commands.bench, ['--record', '5']).counts).toEqual({ RUNS: 5 });
    expect(accepts(commands.benchRaft, ['10', '0']).counts).toEqual({ RUNS_PER_FAMILY: 10, SEED: 0 });
    expect(refusal(commands.benchLsm, ['1000', '2.5'])).toBe('RUNS must be a positive whole number, not "2.5"');
    expect(refusal(commands.benchLsm, ['1', '2', '3'])).toBe('unexpected argument "3"');
  });

  test('the command lines the commands give one another parse as they mean', () => {
    // The mutation gate (mutation.test.ts, npm run check), npm run check's stress step, and a grade as stress and --batch start it.
    expect(accepts(commands.mutation, ['raft', '--check', '--concurrency', '1', '--min', '80'])).toMatchObject({ exercises: ['raft'], values: { check: true, concurrency: '1', min: '80' } });
    expect(accepts(commands.stress, ['--seeds', '2-4', 'raft'])).toMatchObject({ exercises: ['raft'], values: { seeds: '2-4' } });
    expect(accepts(commands.grade, ['--solutions', '--seed', '3', '--json', 'x.json', 'raft', 'token-bucket'])).toMatchObject({ exercises: ['raft', 'token-bucket'], values: { solutions: true, seed: '3', json: 'x.json' } });
    const batchChild = ['--submission', 'dir', '--seed', '1', '--json', 'a', '--junit', 'b', '--markdown', 'c', '--gradescope', 'd', '--suite', 's', '--time-limit', '30', 'raft'];
    expect(accepts(commands.grade, batchChild).values).toMatchObject({ submission: 'dir', gradescope: 'd', suite: 's', 'time-limit': '30' });
  });

  test("watch passes what follows a second -- to vitest, and says so when given one of vitest's options before it", () => {
    expect(accepts(commands.watch, ['raft', '--', '-t', 'election'])).toMatchObject({ exercises: ['raft'], passThrough: ['-t', 'election'] });
    expect(refusal(commands.watch, ['raft', '-t', 'election'])).toBe("unknown option -t; vitest's own options go after a second --: npm run watch -- <exercise> -- -t");
  });
});

/** Where npm's own command-line entry is, as npm itself sets npm_execpath for a script. */
function npmCli(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const bin = path.join(dir, 'npm');
    if (fs.existsSync(bin)) return fs.realpathSync(bin);
  }
  return undefined;
}

describe('flags npm kept for itself (npm run x --flag, without --)', () => {
  const execpath = npmCli();
  const base = { npm_lifecycle_event: 'progress', npm_command: 'run-script', npm_config_loglevel: 'silent', npm_config_npm_version: '11' };

  test('outside npm run, npm_config_* variables are nobody’s flags', () => {
    expect(swallowedByNpm(commands.progress, { npm_config_bogus: 'true' })).toEqual([]);
  });

  test.runIf(execpath !== undefined)('a setting npm does not have, or a flag of the command, is reported with the command to type instead', () => {
    const env = { ...base, npm_execpath: execpath, npm_config_bogus: 'true' };
    expect(swallowedByNpm(commands.progress, env)).toEqual([{ flag: '--bogus', variable: 'npm_config_bogus' }]);
    expect(refusal(commands.progress, [], env)).toBe('npm kept --bogus for itself (it set npm_config_bogus) and did not pass it on: put -- before it, as in npm run progress -- --bogus');
    // --dry-run is npm's setting too, and reset's flag: without it, reset would reset.
    expect(swallowedByNpm(commands.reset, { ...base, npm_execpath: execpath, npm_config_dry_run: 'true' })).toEqual([{ flag: '--dry-run', variable: 'npm_config_dry_run' }]);
    expect(swallowedByNpm(commands.grade, { ...base, npm_execpath: execpath, npm_config_seed: '5' })).toEqual([{ flag: '--seed=5', variable: 'npm_config_seed' }]);
    // npm sets npm_config_prefix for every script: it is not new-exercise's --prefix.
    expect(swallowedByNpm(commands.newExercise, { ...base, npm_execpath: execpath, npm_config_prefix: '/usr' })).toEqual([]);
  });

  test.runIf(execpath !== undefined)('a setting from an npmrc file or an NPM_CONFIG_ variable is npm’s, not a flag given to the script', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-npmrc-'));
    try {
      fs.writeFileSync(path.join(dir, 'npmrc'), '; a comment\nbogus = 1\n[section]\n');
      const env = { ...base, npm_execpath: execpath, npm_config_userconfig: path.join(dir, 'npmrc'), npm_config_bogus: '1', NPM_CONFIG_OTHER: 'x', npm_config_other: 'x' };
      expect(swallowedByNpm(commands.progress, env)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the environment npm really gives a script, without flags, reports none for any command', () => {
    // `npm run env` (no such script in package.json) prints the environment npm gives every script.
    const printed = spawnSync('npm', ['run', '--silent', 'env'], { cwd: ROOT, encoding: 'utf8' });
    expect(printed.status, printed.stderr).toBe(0);
    const env: NodeJS.ProcessEnv = {};
    for (const line of printed.stdout.split('\n')) {
      const match = /^([A-Za-z_]\w*)=(.*)$/.exec(line);
      if (match) env[match[1]!] = match[2];
    }
    expect(env.npm_lifecycle_event).toBe('env');
    for (const [key, spec] of all) expect(swallowedByNpm(spec, env), key).toEqual([]);
  });

  test('when npm’s list of settings cannot be read, only the command’s own flags are reported', () => {
    expect(swallowedByNpm(commands.reset, { ...base, npm_config_bogus: 'true', npm_config_dry_run: 'true' })).toEqual([{ flag: '--dry-run', variable: 'npm_config_dry_run' }]);
  });
});

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A command run as a user runs it, without the test runner's environment. */
function run(command: string, args: readonly string[], cwd = ROOT): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !key.startsWith('FAULTLINE_') && key !== 'NODE_OPTIONS'));
  const child = spawn(command, args, { cwd, env: { ...env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}
const tsx = (file: string, ...args: string[]) => run(process.execPath, [TSX_BIN, path.join(ROOT, file), ...args]);

const refused = (result: Run, usage: string, reason: string | RegExp) => {
  expect(result.status, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.at(-2)).toBe(`usage: ${usage}   (--help for more)`);
  if (typeof reason === 'string') expect(lines.at(-1)).toBe(reason);
  else expect(lines.at(-1)).toMatch(reason);
};

describe('the commands, run', () => {
  test('refuse before doing any work, and print the help with exit 0', async () => {
    const [watch, progress, lint, mutation, hint] = await Promise.all([
      // watch checks the exercise before it starts vitest.
      tsx('grading/watch.ts', 'raf'),
      // What npm passes progress for `npm run progress --bogus`: nothing but npm_config_bogus.
      run('npm', ['run', '--silent', 'progress', '--bogus']),
      tsx('grading/new-exercise/cli.ts', '--lint', 'raf'),
      tsx('grading/mutation/run.ts', 'raft', '--bogus'),
      tsx('grading/hint.ts', '--help'),
    ]);
    refused(watch, commands.watch.usage, `watch: unknown exercise "raf" (did you mean raft?); known: ${known}`);
    refused(progress, commands.progress.usage, /^progress: npm kept --bogus for itself \(it set npm_config_bogus\).*npm run progress -- --bogus$/);
    refused(lint, commands.newExercise.usage, `new-exercise: unknown exercise "raf" (did you mean raft?); known: ${known}`);
    refused(mutation, commands.mutation.usage, 'mutation: unknown option --bogus');
    expect(hint.status, hint.stderr).toBe(0);
    expect(hint.stdout.startsWith(`usage: ${commands.hint.usage}\n`)).toBe(true);
    expect(hint.stdout).toContain(`exercises: ${known}`);
    expect(hint.stderr).toBe('');
  });
});
