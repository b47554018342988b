/**
 * What never leaves the repository (grading/shipping.ts), and the Gradescope
 * zip built by grading/gradescope/make-zip.sh: from HEAD only, never the work
 * tree, and nothing withheld.
 *
 * The zip is built in a local clone of this repository, where the test may
 * edit the work tree: this checkout's make-zip.sh and shipping.ts are
 * committed there first, so the script under test is the one here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog } from '../catalog';
import { committedFiles, gradescopeFiles, readBlobs, WITHHELD, withheld } from '../shipping';
import { ROOT, shellEnv } from './support';

const run = (command: string, args: readonly string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, env: { ...shellEnv(), NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
  if (result.error !== undefined) throw result.error;
  return result;
};
const git = (cwd: string, ...args: string[]): string => {
  const result = run('git', ['-c', 'user.name=faultline test', '-c', 'user.email=test@faultline.invalid', ...args], cwd);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

describe('what never ships', () => {
  test('withheld names the reference, the variants, the allow-lists, the red team, the benchmarks, the self-tests and CI, each with why', () => {
    const secret = [
      'solutions/raft/raft.ts',
      'grading/suites/raft/broken/vote-twice.ts',
      'grading/suites/bloom-filter/broken/redteam-2/base/bloom-filter.ts',
      'grading/mutation/equivalent/raft.json',
      'grading/mutation/run.ts',
      'grading/variants/patch.ts',
      'grading/redteam/BRIEF.md',
      'grading/bench/figures.json',
      'grading/test/cli.test.ts',
      'harness/test/rng.test.ts',
      'private-suite/raft/extra.test.ts',
      'grading/.suite-1234/raft/extra.test.ts',
      '.ci/run',
      '.github/workflows/faultline-grade.yml',
    ];
    for (const file of secret) expect(withheld(file), file).toMatch(/^\S+\/: \w/);
  });

  test('withheld lets through what a learner or a grade needs, names that only look like a withheld part included', () => {
    const needed = [
      'exercises/raft/raft.ts',
      'grading/suites/raft/election.test.ts',
      'grading/suites/raft/bench.ts',
      'grading/suites/broken.test.ts',
      'grading/cli.ts',
      'grading/gradescope/run_autograder',
      'grading/testing.ts',
      'harness/suite/graded.ts',
      'solutions.md',
      'package-lock.json',
    ];
    for (const file of needed) expect(withheld(file), file).toBeUndefined();
  });

  test('every withheld part says why, and the committed tree has files in the parts that matter most', () => {
    for (const part of WITHHELD) expect(part.why.length, part.part).toBeGreaterThan(10);
    const committed = committedFiles(ROOT).map((file) => file.path);
    for (const part of ['solutions/', 'grading/suites/<slug>/broken/', 'grading/mutation/']) {
      expect(committed.some((file) => WITHHELD.find((p) => p.part === part)!.holds(file)), part).toBe(true);
    }
  });

  test("the Gradescope files are HEAD's files less the withheld ones, every exercise's hidden suite among them", () => {
    const all = committedFiles(ROOT);
    const files = gradescopeFiles(ROOT).map((file) => file.path);
    expect(files).toEqual(all.map((file) => file.path).filter((file) => withheld(file) === undefined));
    expect(files.filter((file) => withheld(file) !== undefined)).toEqual([]);
    for (const spec of catalog) expect(files.some((file) => file.startsWith(`grading/suites/${spec.slug}/`) && file.endsWith('.test.ts')), spec.slug).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['grading/cli.ts', 'grading/gradescope/run_autograder', 'grading/gradescope/setup.sh', 'package-lock.json']));
  });
});

describe('make-zip.sh', () => {
  test('zips HEAD: an uncommitted edit ships as committed, an untracked file and a private suite\'s broken/ not at all, and nothing withheld', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-zip-'));
    try {
      const clone = path.join(dir, 'repo');
      git(dir, 'clone', '--quiet', ROOT, clone);
      // The script under test is this checkout's, committed or not.
      for (const file of ['grading/gradescope/make-zip.sh', 'grading/shipping.ts']) fs.copyFileSync(path.join(ROOT, file), path.join(clone, file));
      git(clone, 'commit', '--quiet', '--allow-empty', '-am', 'make-zip under test');
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));
      const head = new Map(committedFiles(clone).map((file) => [file.path, file]));
      const blobs = readBlobs(clone, [...head.values()].map((file) => file.blob));

      // The work tree drifts from HEAD: an edit, a new file, a new reference file.
      const edited = 'exercises/bloom-filter/bloom-filter.ts';
      fs.appendFileSync(path.join(clone, edited), '\n// an edit nobody committed\n');
      fs.writeFileSync(path.join(clone, 'exercises/bloom-filter/notes.ts'), 'export const draft = 1;\n');
      fs.writeFileSync(path.join(clone, 'grading/stray.ts'), 'export {};\n');
      const suite = path.join(dir, 'suite');
      fs.mkdirSync(path.join(suite, 'bloom-filter', 'broken'), { recursive: true });
      fs.writeFileSync(path.join(suite, 'bloom-filter', 'extra.test.ts'), '// a private test\n');
      fs.writeFileSync(path.join(suite, 'bloom-filter', 'broken', 'wrong.ts'), '// a private variant\n');

      const zip = path.join(dir, 'out.zip');
      const made = run('bash', [path.join(clone, 'grading/gradescope/make-zip.sh'), '--seed', '7', '--suite', suite, '--out', zip, 'bloom-filter'], dir);
      expect(made.status, made.stderr).toBe(0);
      expect(made.stderr).toContain(edited);
      const unpacked = path.join(dir, 'unpacked');
      expect(run('unzip', ['-q', zip, '-d', unpacked], dir).status).toBe(0);

      const entries = run('unzip', ['-Z1', zip], dir).stdout.split('\n').filter((entry) => entry !== '' && !entry.endsWith('/'));
      const extra = ['autograder.conf', 'setup.sh', 'run_autograder', 'private-suite/bloom-filter/extra.test.ts'];
      expect(entries.filter((entry) => !head.has(entry)).sort()).toEqual([...extra].sort());
      // Nothing withheld, but for the private suite --suite asked for (private-suite/ is withheld when committed).
      expect(entries.filter((entry) => withheld(entry) !== undefined && !entry.startsWith('private-suite/'))).toEqual([]);
      for (const entry of entries.filter((e) => head.has(e))) {
        expect(fs.readFileSync(path.join(unpacked, entry)).equals(blobs.get(head.get(entry)!.blob)!), `${entry} is as committed`).toBe(true);
      }
      // Every committed file that may ship is there.
      expect(entries.filter((entry) => head.has(entry)).sort()).toEqual([...head.keys()].filter((file) => withheld(file) === undefined).sort());
      for (const top of ['setup.sh', 'run_autograder']) {
        expect(fs.readFileSync(path.join(unpacked, top)).equals(blobs.get(head.get(`grading/gradescope/${top}`)!.blob)!), top).toBe(true);
        expect(fs.statSync(path.join(unpacked, top)).mode & 0o111, `${top} is executable`).not.toBe(0);
      }
      expect(fs.readFileSync(path.join(unpacked, 'autograder.conf'), 'utf8')).toMatch(/^seed=7\nexercises=bloom-filter\nsuite=private-suite\n/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a usage error prints the usage line, then its reason last, and exits 2', () => {
    for (const [args, reason] of [
      [['--bogus'], 'make-zip.sh: unknown option --bogus'],
      [['--seed'], 'make-zip.sh: --seed needs a value'],
      [['no-such-exercise'], "make-zip.sh: no exercise 'no-such-exercise' in HEAD's exercises/; exercises: "],
    ] as const) {
      const result = run('bash', [path.join(ROOT, 'grading/gradescope/make-zip.sh'), ...args], ROOT);
      expect(result.status, args.join(' ')).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^usage: grading\/gradescope\/make-zip\.sh /);
      expect(lines[1]!.startsWith(reason), lines[1]).toBe(true);
    }
  });
});
