/**
 * The one rule that finds a submission's learner files (grading/submission.ts),
 * what it says when a file is not there, the hashes and git commit a report
 * records, and the normalisation that flags copies. Fast: no grading.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exerciseSpec, type ExerciseSpec } from '../catalog';
import { stageSubmission } from '../impl';
import { notSubmitted } from '../score';
import { combinedHash, gitProvenance, missingMessage, normalise, normalisedHash, placementNote, takeSubmission, type TakenExercise } from '../submission';
import { ROOT } from './support';

const bloom = exerciseSpec('bloom-filter');
const vectorClock = exerciseSpec('vector-clock');
const REFERENCE = fs.readFileSync(path.join(ROOT, 'solutions/bloom-filter/bloom-filter.ts'), 'utf8');

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-submission-'));

/** A submission folder holding `files` (relative path → contents; a path ending in `/` is an empty folder). */
function tree(files: Record<string, string>): string {
  const root = scratch();
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    if (rel.endsWith('/')) fs.mkdirSync(file, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  return root;
}

const one = (root: string, spec: ExerciseSpec = bloom): TakenExercise => takeSubmission(root, [spec])[0]!;
const from = (root: string): string | undefined => one(root).submitted.files[0]?.from;
const found = (root: string): string => one(root).submitted.missing.map((m) => m.found).join(' | ');

function git(dir: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', '-C', dir, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
}

describe('where a learner file is taken from', () => {
  test('exercises/<slug>/<file> first, then <slug>/<file>, then <file> at the top', () => {
    const all = { 'exercises/bloom-filter/bloom-filter.ts': 'a', 'bloom-filter/bloom-filter.ts': 'b', 'bloom-filter.ts': 'c' };
    expect(from(tree(all))).toBe('exercises/bloom-filter/bloom-filter.ts');
    expect(from(tree({ 'bloom-filter/bloom-filter.ts': 'b', 'bloom-filter.ts': 'c' }))).toBe('bloom-filter/bloom-filter.ts');
    expect(from(tree({ 'bloom-filter.ts': 'c', 'other/bloom-filter.ts': 'd' }))).toBe('bloom-filter.ts');
  });

  test('a repository one folder too deep is found, and the note says so; a copy of solutions/ beside it does not make it ambiguous', () => {
    const root = tree({ 'x/exercises/bloom-filter/bloom-filter.ts': 'mine', 'x/solutions/bloom-filter/bloom-filter.ts': 'theirs', 'x/README.md': '' });
    const taken = one(root).submitted;
    expect(taken.status).toBe('taken');
    expect(taken.files[0]!.from).toBe('x/exercises/bloom-filter/bloom-filter.ts');
    expect(placementNote('bloom-filter', taken.files[0]!)).toBe('bloom-filter.ts taken from x/exercises/bloom-filter/bloom-filter.ts: the repository is one folder too deep, under x/');
    expect(one(root).contents.get('bloom-filter.ts')!.toString()).toBe('mine');
  });

  test('elsewhere, the one copy in a folder named for the exercise is preferred; two equally likely copies are refused, and both are named', () => {
    expect(from(tree({ 'a/bloom-filter/bloom-filter.ts': '1', 'b/backup/bloom-filter.ts': '2' }))).toBe('a/bloom-filter/bloom-filter.ts');
    const root = tree({ 'a/bloom-filter/bloom-filter.ts': '1', 'b/bloom-filter/bloom-filter.ts': '2' });
    expect(one(root).submitted.status).toBe('missing');
    expect(found(root)).toBe('2 candidates, a/bloom-filter/bloom-filter.ts, b/bloom-filter/bloom-filter.ts, so none was taken');
  });

  test('a directory where the file should be is missing, and says so', () => {
    const root = tree({ 'exercises/bloom-filter/bloom-filter.ts/': '' });
    const exercise = one(root);
    expect(exercise.submitted).toEqual({
      status: 'missing',
      files: [],
      missing: [{ file: 'bloom-filter.ts', expected: 'exercises/bloom-filter/bloom-filter.ts', found: 'exercises/bloom-filter/bloom-filter.ts is a directory where the file should be' }],
    });
    expect(missingMessage('bloom-filter', exercise.submitted.missing[0]!)).toMatch(
      /^exercises\/bloom-filter\/bloom-filter\.ts not found: .* is a directory where the file should be\. The grader looked for exercises\/bloom-filter\/bloom-filter\.ts, bloom-filter\/bloom-filter\.ts, bloom-filter\.ts, then any bloom-filter\.ts up to 8 folders deep .*\. Put the file at exercises\/bloom-filter\/bloom-filter\.ts and submit again\.$/,
    );
  });

  test('a symbolic link is not followed, to a file or through a folder', () => {
    const target = tree({ 'bloom-filter.ts': REFERENCE });
    const root = tree({ 'exercises/bloom-filter/': '' });
    fs.symlinkSync(path.join(target, 'bloom-filter.ts'), path.join(root, 'exercises/bloom-filter/bloom-filter.ts'));
    fs.symlinkSync(target, path.join(root, 'linked'));
    expect(one(root).submitted.status).toBe('missing');
    expect(found(root)).toBe('exercises/bloom-filter/bloom-filter.ts is a symbolic link, which the grader does not follow');
  });

  test('a file over 5 MiB is not taken', () => {
    const root = tree({ 'exercises/bloom-filter/bloom-filter.ts': 'x'.repeat(5 * 1024 * 1024 + 1) });
    expect(found(root)).toBe('exercises/bloom-filter/bloom-filter.ts is 5.0 MiB, over the 5.0 MiB limit');
  });

  test('node_modules/, .git/ and folders more than 8 deep are not searched', () => {
    expect(from(tree({ 'node_modules/bloom-filter/bloom-filter.ts': '1', '.git/bloom-filter/bloom-filter.ts': '2' }))).toBeUndefined();
    const eight = `${'d/'.repeat(8)}bloom-filter.ts`;
    expect(from(tree({ [eight]: '1' }))).toBe(eight);
    const nine = tree({ [`d/${eight}`]: '1' });
    expect(from(nine)).toBeUndefined();
    expect(found(nine)).toContain('folders more than 8 deep were not searched');
  });

  test('what was found instead: a similar name, the exercise folder\'s contents, or an empty submission', () => {
    expect(found(tree({ 'exercises/bloom-filter/BloomFilter.ts': '', 'exercises/bloom-filter/bloom-filter.test.ts': '' }))).toBe('a similar name: exercises/bloom-filter/BloomFilter.ts');
    expect(found(tree({ 'exercises/bloom-filter/index.ts': '', 'exercises/bloom-filter/README.md': '' }))).toBe('no file of that name; exercises/bloom-filter/ holds README.md, index.ts');
    expect(found(tree({ 'notes.txt': '' }))).toBe('no file of that name among the 1 file(s) searched');
    expect(found(tree({}))).toBe('the submission is empty');
  });

  test('an exercise with several learner files is missing when one is, and keeps what it found', () => {
    const root = tree({ 'exercises/vector-clock/vector-clock.ts': 'a', 'exercises/vector-clock/causal-node.ts': 'b' });
    const { submitted } = one(root, vectorClock);
    expect(submitted.status).toBe('missing');
    expect(submitted.files.map((f) => f.file)).toEqual(['vector-clock.ts', 'causal-node.ts']);
    expect(submitted.missing.map((m) => m.expected)).toEqual(['exercises/vector-clock/versioned-store.ts']);
  });
});

describe('hashes and the git commit', () => {
  test('each file taken has the SHA-256 of its bytes; the combined hash is the SHA-256 of their sha256sum lines', () => {
    const root = tree({ 'exercises/bloom-filter/bloom-filter.ts': 'abc' });
    const exercises = takeSubmission(root, [bloom]);
    const abc = createHash('sha256').update('abc').digest('hex');
    expect(exercises[0]!.submitted.files).toEqual([{ file: 'bloom-filter.ts', from: 'exercises/bloom-filter/bloom-filter.ts', sha256: abc }]);
    expect(combinedHash(exercises)).toBe(createHash('sha256').update(`${abc}  exercises/bloom-filter/bloom-filter.ts\n`).digest('hex'));
  });

  test('a plain folder is not a git checkout, even inside the grader\'s own repository', () => {
    expect(gitProvenance(tree({}), [])).toEqual({ commit: null, commitNote: 'not a git checkout' });
    fs.mkdirSync(path.join(ROOT, '.faultline'), { recursive: true });
    const inside = fs.mkdtempSync(path.join(ROOT, '.faultline', 'submission-'));
    try {
      expect(gitProvenance(inside, [])).toEqual({ commit: null, commitNote: 'not a git checkout' });
    } finally {
      fs.rmSync(inside, { recursive: true, force: true });
    }
  });

  test('a checkout records its commit, and which learner files differ from it', () => {
    const root = tree({ 'exercises/bloom-filter/bloom-filter.ts': 'committed', 'README.md': '' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'work');
    const head = git(root, 'rev-parse', 'HEAD');
    const taken = (text: string) => [{ from: 'exercises/bloom-filter/bloom-filter.ts', bytes: Buffer.from(text) }];
    expect(gitProvenance(root, taken('committed'))).toEqual({ commit: head, uncommitted: [] });
    expect(gitProvenance(root, taken('edited since'))).toEqual({ commit: head, uncommitted: ['exercises/bloom-filter/bloom-filter.ts'] });
    const fresh = tree({});
    git(fresh, 'init', '-q');
    expect(gitProvenance(fresh, [])).toEqual({ commit: null, commitNote: 'a git repository without a commit' });
  });

  test.skipIf(process.getuid?.() !== 0)('a checkout owned by another user is read all the same (git refuses it by default)', () => {
    const root = tree({ 'a.txt': '' });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'work');
    const head = git(root, 'rev-parse', 'HEAD');
    spawnSync('chown', ['-R', 'nobody', root]);
    expect(spawnSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } }).stderr).toContain('dubious ownership');
    expect(gitProvenance(root, []).commit).toBe(head);
  });

  test('staging a submission records where each file came from, its hash and the commit; a missing exercise is not staged', () => {
    const root = tree({ 'x/exercises/bloom-filter/bloom-filter.ts': REFERENCE });
    const staged = stageSubmission(root, [bloom, vectorClock]);
    try {
      expect(staged.submitted?.get('bloom-filter')?.status).toBe('taken');
      expect(staged.submitted?.get('vector-clock')?.status).toBe('missing');
      expect(staged.notes.get('bloom-filter')).toEqual(['submission: bloom-filter.ts taken from x/exercises/bloom-filter/bloom-filter.ts: the repository is one folder too deep, under x/']);
      expect(fs.readFileSync(path.join(staged.root, 'bloom-filter/bloom-filter.ts'), 'utf8')).toBe(REFERENCE);
      expect(fs.existsSync(path.join(staged.root, 'vector-clock'))).toBe(false);
      expect(staged.provenance).toEqual({ commit: null, commitNote: 'not a git checkout', sha256: combinedHash(takeSubmission(root, [bloom])) });
    } finally {
      staged.cleanup();
    }
  });

  test('an exercise not submitted scores 0: one not-submitted entry per task, worth the task, saying which file and where it belongs', () => {
    const { submitted } = one(tree({}));
    const result = notSubmitted(bloom, submitted);
    expect(result.score).toBe(0);
    expect(result.maxScore).toBe(100);
    expect(result.tests.map((t) => [t.name, t.status, t.points, t.maxPoints])).toEqual(bloom.tasks.map((task) => [`every test of task ${task.id} (${task.title})`, 'not-submitted', 0, task.points]));
    for (const t of result.tests) {
      expect(t.message).toMatch(/^not submitted: exercises\/bloom-filter\/bloom-filter\.ts not found: the submission is empty\./);
      expect(t.message).not.toContain('@impl');
    }
  });
});

describe('normalising source before comparing', () => {
  test('comments and whitespace do not count; strings, template text and regular expressions keep theirs', () => {
    const a = "/** doc */\nexport const a = 'x // y'; // tail\nconst t = `one  ${a /* inner */}  two`;\nconst r = /a\\/b/g; /* block */\n";
    const b = "export const a='x // y'\n  ;const t=`one  ${ a }  two`;const r=/a\\/b/g;";
    expect(normalise(a)).toBe(normalise(b));
    expect(normalise(a)).toBe("export const a = 'x // y' ; const t = `one  ${ a }  two` ; const r = /a\\/b/g ;");
    expect(normalise("const a = 'x  y';")).not.toBe(normalise("const a = 'x y';"));
    expect(normalise('const t = `a  b`;')).not.toBe(normalise('const t = `a b`;'));
  });

  test('the reference with its comments reworded, reindented and rewrapped hashes as the reference; one changed token does not', () => {
    const reference = normalisedHash([{ file: 'bloom-filter.ts', text: REFERENCE }]);
    const cosmetic = REFERENCE.replace(/\/\*\*[\s\S]*?\*\//, '/* my own work */')
      .replace(/\/\/ .*$/gm, '// reworded')
      .replace(/^ {2}/gm, '\t')
      .replace(/\) \{/g, '){\n');
    expect(cosmetic).not.toBe(REFERENCE);
    expect(normalisedHash([{ file: 'bloom-filter.ts', text: cosmetic }])).toBe(reference);
    const changed = REFERENCE.replace('const MAX_HASHES = 255;', 'const MAX_HASHES = 256;');
    expect(normalisedHash([{ file: 'bloom-filter.ts', text: changed }])).not.toBe(reference);
  });
});
