/**
 * `npm run edition` (grading/edition.ts), end to end: an edition of two
 * exercises is built from HEAD into a temporary folder, installed with
 * `npm ci`, and used as a student would; then searched for anything of the
 * reference, by path and by line. The search is shown to catch a planted line,
 * and the builder to refuse an edition that would need a withheld module.
 *
 * What costs: npm ci from the warm cache (about 10 s), one exercise's npm test
 * and a grade of both at the top (a few seconds each), a clone of the repo.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkEdition, EditionError, type Edition } from '../edition/build';
import { classroomWorkflow } from '../github-classroom/workflows';
import { distinctiveLines, findLeaks, MIN_DISTINCTIVE, type Leak } from '../edition/leaks';
import { SHARED_LINES } from '../edition/shared-lines';
import { TSX_BIN } from '../paths';
import { committedFiles, readBlobs, withheld } from '../shipping';
import { ROOT, shellEnv } from './support';

const SLUGS = ['bloom-filter', 'token-bucket'];

const env = (): NodeJS.ProcessEnv => ({ ...Object.fromEntries(Object.entries(shellEnv()).filter(([key]) => !key.startsWith('FAULTLINE_'))), NO_COLOR: '1' });
const run = (command: string, args: readonly string[], cwd: string, timeout = 180_000) => {
  const result = spawnSync(command, args, { cwd, env: env(), encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lastLine: result.stdout.trimEnd().split('\n').at(-1) };
};
const edition = (args: readonly string[], repo = ROOT) => run(process.execPath, [TSX_BIN, path.join(repo, 'grading/edition.ts'), ...args], repo);
const git = (cwd: string, ...args: string[]): string => {
  const result = run('git', ['-c', 'user.name=faultline test', '-c', 'user.email=test@faultline.invalid', ...args], cwd);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

/** Every file of a folder (not node_modules, .git or .faultline), by `/`-separated path, as text. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory() && !['node_modules', '.git', '.faultline'].includes(entry.name)) walk(child);
      else if (entry.isFile()) files.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** HEAD's files under a prefix, as text. */
function committedText(prefix: string): Map<string, string> {
  const files = committedFiles(ROOT).filter((file) => file.path.startsWith(prefix));
  const blobs = readBlobs(ROOT, files.map((file) => file.blob));
  return new Map(files.map((file) => [file.path, blobs.get(file.blob)!.toString('utf8')]));
}

/** The reference's distinctive lines: trimmed lines of 40 characters or more in solutions/ and in no exercise stub. */
const reference = (): Map<string, string> => distinctiveLines(committedText('solutions/'), committedText('exercises/'), SHARED_LINES.map((shared) => shared.line));
const leaksIn = (dir: string): Leak[] => findLeaks(filesOf(dir), reference());

let scratch: string;
let out: string;
let built: ReturnType<typeof run>;
let installed: ReturnType<typeof run>;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-edition-'));
  out = path.join(scratch, 'edition');
  built = edition(['--out', out, ...SLUGS]);
  if (built.status === 0) installed = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], out);
}, 600_000);

// node_modules is large: removing it takes seconds on a busy machine.
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }), 120_000);

describe('npm run edition', () => {
  test('writes the chosen exercises, their hidden suites without broken/, a README listing them, and says what it wrote', () => {
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^edition: bloom-filter, token-bucket from commit [0-9a-f]{12}, written to /);
    expect(built.stdout).toMatch(/^ {2}total +\d+ +[\d.]+ KiB {2}\(\d+ bytes\)$/m);
    expect(fs.readdirSync(path.join(out, 'exercises')).sort()).toEqual(SLUGS);
    expect(fs.readdirSync(path.join(out, 'grading', 'suites')).sort()).toEqual(SLUGS);
    const files = [...filesOf(out).keys()];
    expect(files.filter((file) => file.includes('/broken/'))).toEqual([]);
    const readme = fs.readFileSync(path.join(out, 'README.md'), 'utf8');
    for (const slug of SLUGS) expect(readme).toContain(`exercises/${slug}/README.md`);
    expect(readme).not.toMatch(/\{\{[A-Z_]+\}\}/);
    // The catalog every command reads lists these exercises and no other.
    const catalog = fs.readFileSync(path.join(out, 'grading', 'catalog.ts'), 'utf8');
    expect([...catalog.matchAll(/^ {4}slug: '([^']+)'/gm)].map((m) => m[1])).toEqual(SLUGS);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'grading', 'stubs.json'), 'utf8')) as object)).toEqual(SLUGS);
  });

  test('holds no file that never ships, and no line of the reference', () => {
    const files = filesOf(out);
    expect([...files.keys()].filter((file) => withheld(file) !== undefined)).toEqual([]);
    expect(leaksIn(out)).toEqual([]);
  });

  test('npm ci installs it, and an exercise\'s npm test on the untouched stub scores 0 and ends with N passed, M failed', () => {
    expect(installed.status, installed.stderr).toBe(0);
    const result = run('npm', ['test'], path.join(out, 'exercises', 'token-bucket'));
    expect(result.stdout).toMatch(/^token-bucket — Token bucket +0\/100 +0 %$/m);
    expect(result.lastLine).toMatch(/^0 passed, [1-9]\d* failed$/);
    expect(result.stdout + result.stderr).not.toMatch(/failed to load|Cannot find (package|module)|Unhandled/);
  });

  test('npm test at the top grades the edition\'s exercises and no other', () => {
    // About 15 s on 2 cores; a grader whose workers crash retries each for much longer.
    const result = run('npm', ['test'], out, 120_000);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^bloom-filter — Bloom filter +0\/100/m);
    expect(result.stdout).toMatch(/^token-bucket — Token bucket +0\/100/m);
    expect(result.stdout).toMatch(/^Total 0\/200 /m);
    // Every graded test ran and said "not implemented": none was lost to a suite that did not load.
    expect(result.stdout + result.stderr).not.toMatch(/tests that did not run|failed to load|Cannot find (package|module)/);
    expect(result.lastLine).toMatch(/^0 passed, (2\d|[3-9]\d|\d{3,}) failed$/);
  });

  test('grade --solutions there exits 2 and says the edition holds no reference, rather than scoring 0', () => {
    const result = run('npm', ['run', '--silent', 'grade', '--', 'token-bucket', '--solutions'], out);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('grade: --solutions: this copy holds no reference solution for token-bucket (no solutions/<slug>/ folder; a learner edition ships none)');
  });

  test('once committed to git, hint and reset work in an exercise folder', () => {
    git(out, 'init', '--quiet');
    git(out, 'add', '-A');
    git(out, 'commit', '--quiet', '-m', 'the edition');
    const folder = path.join(out, 'exercises', 'bloom-filter');
    const hint = run('npm', ['run', 'hint', '--', '1'], folder);
    expect(hint.status, hint.stderr).toBe(0);
    expect(hint.stdout).toContain('README.md');
    const stub = path.join(folder, 'bloom-filter.ts');
    const shipped = fs.readFileSync(stub);
    fs.appendFileSync(stub, '\n// my work\n');
    const reset = run('npm', ['run', 'reset'], folder);
    expect(reset.status, reset.stderr).toBe(0);
    expect(fs.readFileSync(stub).equals(shipped)).toBe(true);
  });

  test('a usage error prints a one-line usage, then its reason last, and exits 2', () => {
    for (const [args, reason] of [
      [['--bogus', '--out', path.join(scratch, 'x')], 'edition: unknown option --bogus'],
      [['bloom-filter'], 'edition: --out DIR is required'],
      [['--out', path.join(scratch, 'x'), 'raf'], 'edition: unknown exercise "raf" (did you mean raft?); known: bloom-filter, '],
      [['--out', out], `edition: --out ${out} exists and is not empty`],
      [['--out', path.join(scratch, 'x'), '--classroom', 'bloom-filter', 'raft'], 'edition: --classroom takes exactly one exercise (an assignment grades one), not 2'],
    ] as const) {
      const result = edition(args);
      expect(result.status, args.join(' ')).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^usage: npm run edition -- --out DIR/);
      expect(lines[1]!.startsWith(reason), lines[1]).toBe(true);
    }
    expect(fs.existsSync(path.join(scratch, 'x'))).toBe(false);
  });

  test('--classroom with one exercise adds its student workflow, and nothing else the edition lacks', () => {
    const dir = path.join(scratch, 'with-workflow');
    const result = edition(['--out', dir, '--classroom', 'token-bucket']);
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.github/workflows/classroom.yml'), 'utf8')).toBe(classroomWorkflow('token-bucket'));
    expect(fs.readdirSync(path.join(dir, '.github/workflows'))).toEqual(['classroom.yml']);
    expect(fs.existsSync(path.join(dir, 'exercises/bloom-filter'))).toBe(false);
  });

  test('refuses, naming the import chain, when a learner command needs a withheld module', () => {
    const clone = path.join(scratch, 'repo');
    git(scratch, 'clone', '--quiet', ROOT, clone);
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));
    fs.appendFileSync(path.join(clone, 'grading', 'hint.ts'), "\nexport { BloomFilter as Reference } from '../solutions/bloom-filter/bloom-filter';\n");
    git(clone, 'commit', '--quiet', '-am', 'hint.ts reaches the reference');
    const result = edition(['--out', path.join(scratch, 'refused'), 'bloom-filter'], clone);
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toContain('solutions/bloom-filter/bloom-filter.ts ← grading/hint.ts:');
    expect(result.stderr).toContain('solutions/: the reference implementations');
    expect(fs.existsSync(path.join(scratch, 'refused'))).toBe(false);
  });
});

describe('the leak check', () => {
  test('has hundreds of distinctive lines to look for, each at least 40 characters', () => {
    const lines = reference();
    expect(lines.size).toBeGreaterThan(100);
    for (const line of lines.keys()) expect(line.length).toBeGreaterThanOrEqual(MIN_DISTINCTIVE);
  });

  test('finds a line of the reference planted in a copy of an edition file, and where it came from', () => {
    const [line, source] = [...reference()].find(([, from]) => from.startsWith('solutions/token-bucket/'))!;
    const planted = path.join(scratch, 'planted');
    const file = 'exercises/token-bucket/token-bucket.ts';
    fs.mkdirSync(path.join(planted, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(planted, file), `${fs.readFileSync(path.join(out, file), 'utf8')}\n    ${line}\n`);
    const leaks = leaksIn(planted);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ file, source, text: line });
  });

  test('the builder refuses an edition holding a withheld file or a line of the reference, and names them', () => {
    const tree = new Map([
      ['solutions/demo/demo.ts', 'export const answer = (n: number): number => secretlyComputeTheAnswerFrom(n);\n'],
      ['exercises/demo/demo.ts', 'export const answer = (n: number): number => { throw new NotImplementedError(); };\n'],
    ]);
    const check = (files: Record<string, string>): void =>
      checkEdition(
        { commit: '0'.repeat(40), exercises: [], leftOut: [], files: new Map(Object.entries(files).map(([file, text]) => [file, { data: Buffer.from(text), mode: 0o644, origin: 'committed' as const }])) } satisfies Edition,
        { files: new Set(tree.keys()), read: (file) => tree.get(file)! },
      );
    expect(() => check({ 'exercises/demo/demo.ts': tree.get('exercises/demo/demo.ts')! })).not.toThrow();
    expect(() => check({ 'grading/suites/demo/helper.ts': `  ${tree.get('solutions/demo/demo.ts')!}` })).toThrow(/grading\/suites\/demo\/helper\.ts:1 holds solutions\/demo\/demo\.ts:1/);
    expect(() => check({ 'grading/mutation/equivalent/demo.json': '{}' })).toThrow(EditionError);
  });

  test('every line shared with the reference on purpose is still in the reference and in a file that ships', () => {
    const solutions = [...committedText('solutions/').values()].flatMap((text) => text.split('\n').map((line) => line.trim()));
    // Not the list itself (grading/edition/), nor the stubs, which never hold a distinctive line.
    const all = committedFiles(ROOT).filter((file) => withheld(file.path) === undefined && !file.path.startsWith('exercises/') && !file.path.startsWith('grading/edition/'));
    const blobs = readBlobs(ROOT, all.map((file) => file.blob));
    const shipped = new Set(all.flatMap((file) => blobs.get(file.blob)!.toString('utf8').split('\n').map((line) => line.trim())));
    for (const { line } of SHARED_LINES) {
      expect(solutions, line).toContain(line);
      expect(shipped.has(line), line).toBe(true);
    }
  });
});
