/**
 * The `grade` command as an instructor uses it: report files, seeds, exit
 * statuses, and a submission from which only the learner's files are taken.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunResult } from '../model';
import { ROOT, gradeVariant, stageVariantById, variantById } from './support';
import { TSX_BIN } from '../paths';
import { shipped } from '../catalog';

function grade(...args: string[]) {
  return gradeWithEnv({}, ...args);
}

function gradeWithEnv(extra: Record<string, string>, ...args: string[]) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('FAULTLINE_') || key.startsWith('GITHUB_')) delete env[key];
  const run = spawnSync(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: '1', ...extra },
    encoding: 'utf8',
  });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    lastLine: run.stdout.trimEnd().split('\n').at(-1),
    stderrLines: run.stderr.trimEnd().split('\n'),
  };
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-cli-'));

describe('npm run grade', () => {
  test('--solutions --seed --json --junit --markdown --gradescope write every report, each with the seed, and the output ends with N passed, M failed', () => {
    const dir = scratch();
    const result = grade('bloom-filter', '--solutions', '--seed', '12345', '--json', `${dir}/out.json`, '--junit', `${dir}/out.xml`, '--markdown', `${dir}/out.md`, '--gradescope', `${dir}/gs.json`);
    expect(result.status, result.stderr).toBe(0);
    expect(result.lastLine).toBe('24 passed, 0 failed');
    const json = JSON.parse(fs.readFileSync(`${dir}/out.json`, 'utf8')) as RunResult;
    expect(json).toMatchObject({ version: 1, seed: 12345, impl: 'solutions', score: 100, maxScore: 100 });
    expect(json.exercises[0]!.tests).toHaveLength(24);
    expect(fs.readFileSync(`${dir}/out.xml`, 'utf8')).toContain('<testsuite name="bloom-filter" tests="24" failures="0" errors="0"');
    expect(fs.readFileSync(`${dir}/out.md`, 'utf8')).toContain('## faultline: 100/100 (100 %)');
    // The seed is in every report, so a student can be handed the replay.
    expect(result.stdout).toContain('seed 12345');
    expect(fs.readFileSync(`${dir}/out.xml`, 'utf8')).toContain('<property name="seed" value="12345"/>');
    expect(fs.readFileSync(`${dir}/out.md`, 'utf8')).toContain('with seed `12345`');
    expect((JSON.parse(fs.readFileSync(`${dir}/gs.json`, 'utf8')) as { score: number; output: string }).output).toContain('seed 12345');
  });

  test('on the untouched stubs: score 0, "not implemented" as the reason, no stack trace, exit 0', () => {
    const result = grade();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('not implemented: ');
    expect(result.stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(result.lastLine).toMatch(/^0 passed, [1-9]\d* failed$/);
  });

  test('--fail-under exits 1 below the threshold, and N passed, M failed stays the last line of the report', () => {
    const below = grade('bloom-filter', '--fail-under', '50');
    expect(below.status, below.stderr).toBe(1);
    expect(below.lastLine).toMatch(/^0 passed, [1-9]\d* failed$/);
    expect(below.stderrLines.at(-1)).toBe('grade: score 0/100 is below --fail-under 50 %');
  });

  test('a usage error exits 2 and prints, on stderr, the usage line and then the reason, last', () => {
    const cases: [string[], string][] = [
      [['--seed', 'abc'], 'grade: --seed needs an integer in [0, 4294967295], not "abc"'],
      [['--seed'], 'grade: --seed needs a value: an integer in [0, 4294967295]'],
      [['no-such-exercise'], `grade: unknown exercise "no-such-exercise"; known: ${shipped().map((e) => e.slug).join(', ')}`],
      [['--frobnicate'], 'grade: unknown option --frobnicate'],
      [['--solutions', '--submission', '.'], 'grade: --solutions and --submission cannot be combined: grade the reference or a submission'],
      [['--json'], 'grade: --json needs a value: a file name'],
      [['--out', 'x'], 'grade: --out goes only with --batch DIR, which grades a class at once'],
    ];
    for (const [args, reason] of cases) {
      const result = grade(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderrLines, args.join(' ')).toEqual([expect.stringMatching(/^usage: npm run grade -- /), reason]);
    }
  });

  test('--submission takes only the learner files: edited tests, suites and helpers in the submission change nothing', () => {
    const dir = scratch();
    const own = path.join(dir, 'exercises/bloom-filter');
    fs.mkdirSync(own, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'solutions/bloom-filter/bloom-filter.ts'), path.join(own, 'bloom-filter.ts'));
    fs.writeFileSync(path.join(own, 'murmur3.ts'), 'export const murmur3 = () => 0;\nexport const murmur3Calls = () => 2;\n');
    fs.writeFileSync(path.join(own, 'bloom-filter.test.ts'), "import { test } from 'vitest'; test('fake', () => {});\n");
    fs.mkdirSync(path.join(dir, 'grading/suites/bloom-filter'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'grading/suites/bloom-filter/add-has.test.ts'), '// emptied by the student\n');
    const result = grade('bloom-filter', '--submission', dir, '--json', `${dir}/out.json`);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(fs.readFileSync(`${dir}/out.json`, 'utf8')) as RunResult;
    expect(json).toMatchObject({ impl: 'submission', submission: dir, score: 100, maxScore: 100 });
  });

  test('a submission without the learner file scores 0: the exercise is not run, and every task says "not submitted" and what the folder held', () => {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, 'exercises/bloom-filter'), { recursive: true });
    const result = grade('bloom-filter', '--submission', dir, '--json', `${dir}/out.json`);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(fs.readFileSync(`${dir}/out.json`, 'utf8')) as RunResult;
    expect(json.score).toBe(0);
    expect(json.exercises[0]!.submitted).toMatchObject({ status: 'missing', missing: [{ expected: 'exercises/bloom-filter/bloom-filter.ts', found: 'no file of that name; exercises/bloom-filter/ holds nothing' }] });
    expect(json.exercises[0]!.tests.map((t) => t.status)).toEqual(['not-submitted', 'not-submitted', 'not-submitted', 'not-submitted']);
    expect(result.stdout).toContain('bloom-filter: not submitted, so none of its tests ran:');
    expect(result.stdout).not.toContain('@impl');
    expect(result.lastLine).toBe('0 passed, 4 failed');
  });

  test('--suite grades with a private suite instead of ours: a copy of ours with one expectation changed costs the reference that test', () => {
    const dir = scratch();
    const suite = path.join(dir, 'private');
    fs.cpSync(path.join(ROOT, 'grading/suites/token-bucket'), path.join(suite, 'token-bucket'), { recursive: true });
    const file = path.join(suite, 'token-bucket/clocks.test.ts');
    const original = "expect(bucket.available(), 'tokens after the clock stepped back 1 s').toBe(0);";
    expect(fs.readFileSync(file, 'utf8')).toContain(original);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(original, original.replace('toBe(0)', 'toBe(42)')));
    const staged = () => new Set(fs.readdirSync(path.join(ROOT, 'grading')).filter((name) => name.startsWith('.suite-')));
    const before = staged();
    const result = grade('--solutions', '--suite', suite, '--seed', '777', '--json', `${dir}/out.json`, '--junit', `${dir}/out.xml`, '--markdown', `${dir}/out.md`);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(fs.readFileSync(`${dir}/out.json`, 'utf8')) as RunResult;
    // Without SLUG, the exercises the private suite has.
    expect(json.exercises.map((e) => e.name)).toEqual(['token-bucket']);
    expect(json).toMatchObject({ seed: 777, maxScore: 100 });
    const failed = json.exercises[0]!.tests.filter((t) => t.status !== 'passed');
    expect(failed.map((t) => t.name)).toEqual(['a clock that steps backwards never mints tokens and never throws']);
    // Everything but that test's points.
    expect(json.score).toBe(100 - failed[0]!.maxPoints);
    expect(failed[0]!.maxPoints).toBeGreaterThan(0);
    expect(failed[0]!.message).toContain('expected +0 to be 42');
    // Every report carries the seed, and the failure's replay command with it.
    expect(failed[0]!.replay).toContain('FAULTLINE_SEED=777');
    for (const report of [result.stdout, fs.readFileSync(`${dir}/out.xml`, 'utf8'), fs.readFileSync(`${dir}/out.md`, 'utf8')]) expect(report).toContain('FAULTLINE_SEED=777');
    // The staged copy is gone.
    expect([...staged()].filter((name) => !before.has(name))).toEqual([]);
  });

  test('--suite usage errors: a requested exercise the suite lacks, a folder that is not there, a folder with no suite', () => {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, 'token-bucket'));
    fs.writeFileSync(path.join(dir, 'token-bucket/one.test.ts'), '');
    const cases: [string[], RegExp][] = [
      [['bloom-filter', '--suite', dir], /^grade: --suite: .* has no suite for bloom-filter: expected .*bloom-filter\/\*\.test\.ts/],
      [['--suite', path.join(dir, 'nowhere')], /^grade: --suite: .*nowhere is not a folder/],
      [['--suite', path.join(dir, 'token-bucket')], /^grade: --suite: .* holds no suite: expected a folder <slug>\//],
    ];
    for (const [args, message] of cases) {
      const result = grade(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderrLines.at(-1), args.join(' ')).toMatch(message);
    }
  });

  test('--classroom prints the Points notice last, fences the report so a forged notice in an error message is inert, and writes the result output', () => {
    const dir = scratch();
    const own = path.join(dir, 'exercises/token-bucket');
    fs.mkdirSync(own, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'solutions/token-bucket/keyed-limiter.ts'), path.join(own, 'keyed-limiter.ts'));
    const forged = '::notice title=Autograding complete::Points 100/100';
    // The reference, except that tryTake throws an Error whose message holds a forged notice on a line of its own.
    const reference = fs.readFileSync(path.join(ROOT, 'solutions/token-bucket/token-bucket.ts'), 'utf8');
    fs.writeFileSync(path.join(own, 'token-bucket.ts'), `${reference}\nTokenBucket.prototype.tryTake = function () {\n  throw new Error('\\n${forged}\\n');\n};\n`);
    const output = path.join(dir, 'github-output');
    fs.writeFileSync(output, '');
    const result = gradeWithEnv({ GITHUB_OUTPUT: output }, 'token-bucket', '--submission', dir, '--classroom');
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const fence = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[fence]!.slice('::stop-commands::'.length);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const resume = lines.indexOf(`::${token}::`);
    expect(fence, 'the fence opens before anything else').toBe(0);
    expect(resume, 'the fence closes before the notice').toBe(lines.length - 2);
    expect(lines.slice(fence + 1, resume).some((l) => l.includes(forged)), 'the forged notice is printed inside the fence').toBe(true);
    const notice = lines.at(-1)!;
    const [earned, max] = notice.replace('::notice title=Autograding complete::Points ', '').split('/').map(Number);
    expect(notice).toMatch(/^::notice title=Autograding complete::Points \d+\/100$/);
    expect(earned, 'a tryTake that throws cannot score full marks').toBeLessThan(100);
    const recorded = fs.readFileSync(output, 'utf8').trim();
    expect(recorded).toMatch(/^result=[A-Za-z0-9+/=]+$/);
    const decoded = JSON.parse(Buffer.from(recorded.slice('result='.length), 'base64').toString('utf8')) as { max_score: number; tests: { score: number }[] };
    expect(decoded.max_score).toBe(max);
    expect(decoded.tests.reduce((sum, t) => sum + t.score, 0)).toBe(earned);
  });

  test('a failure\'s replay command reruns that test alone and reproduces the failure', async () => {
    // Graded on the tests it must fail: a property among them fails with a replay path.
    const result = await gradeVariant('bloom-filter', 'has-any-bit', 5, (await variantById('bloom-filter', 'has-any-bit')).mustFail);
    const failed = result.tests.find((t) => t.status === 'failed' && t.replay.includes('FAULTLINE_REPLAY='));
    expect(failed, 'a property test failure with a replay path').toBeDefined();
    const staged = await stageVariantById('bloom-filter', 'has-any-bit');
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, FAULTLINE_IMPL_ROOT: staged.root, NO_COLOR: '1' };
      for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
      const replay = spawnSync('bash', ['-c', failed!.replay], { cwd: ROOT, env, encoding: 'utf8' });
      const output = replay.stdout + replay.stderr;
      expect(replay.status, output).toBe(1);
      expect(output).toContain(failed!.message.split('\n')[0]!);
      expect(replay.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
    } finally {
      staged.cleanup();
    }
  });

  test('a grade interrupted by SIGTERM still writes its result file, with every point unearned, and exits 2', async () => {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, 'exercises/bloom-filter'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'grading/test/fixtures/bloom-filter/loops-forever.ts'), path.join(dir, 'exercises/bloom-filter/bloom-filter.ts'));
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('FAULTLINE_')) delete env[key];
    const child = spawn(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/cli.ts'), 'bloom-filter', '--submission', dir, '--json', `${dir}/out.json`], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Interrupt once the grader says the exercise is under way.
    await new Promise<void>((resolve) => {
      let seen = '';
      child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('grading bloom-filter …')) resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGTERM');
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(2);
    const json = JSON.parse(fs.readFileSync(`${dir}/out.json`, 'utf8')) as RunResult;
    expect(json).toMatchObject({ version: 1, score: 0, maxScore: 100 });
    expect(json.exercises[0]!.notes.join()).toContain('interrupted by SIGTERM');
  });
});
