/**
 * `grade --batch`: a folder of submissions graded in parallel, each in its own
 * process, with one row per student in the summaries, whatever the student did.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { csvField, markdownText } from '../batch';
import type { RunResult } from '../model';
import { ROOT } from './support';
import { TSX_BIN } from '../paths';

function grade(...args: string[]) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('FAULTLINE_')) delete env[key];
  const run = spawnSync(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, lastLine: run.stdout.trimEnd().split('\n').at(-1) };
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-batch-'));

/** A submission holding the given token-bucket files, each copied from `from` (solutions or exercises). */
function submission(dir: string, student: string, files: Record<string, 'solutions' | 'exercises'>): string {
  const into = path.join(dir, student, 'exercises/token-bucket');
  fs.mkdirSync(into, { recursive: true });
  for (const [file, from] of Object.entries(files)) fs.copyFileSync(path.join(ROOT, from, 'token-bucket', file), path.join(into, file));
  return path.join(dir, student);
}

const readCsv = (file: string): string[] => fs.readFileSync(file, 'utf8').split('\r\n').filter(Boolean);

describe('npm run grade -- --batch', () => {
  test('grades every plain folder in its own process: one row each, sorted by name, untrusted names escaped; symlinks and files skipped', () => {
    const dir = scratch();
    const subs = path.join(dir, 'subs');
    const out = path.join(dir, 'out');
    const weird = '=carol,"missing"|x';
    submission(subs, 'alice', { 'token-bucket.ts': 'solutions', 'keyed-limiter.ts': 'solutions' });
    // alice's copy of the reference has its comments reworded and its indentation changed: still a copy.
    const own = path.join(subs, 'alice/exercises/token-bucket/token-bucket.ts');
    const reworded = fs.readFileSync(own, 'utf8').replace(/\/\/ .*$/gm, '// in my own words').replace(/\/\*\*[\s\S]*?\*\//g, '/* mine */').replace(/^ {2}/gm, '\t');
    expect(reworded).not.toBe(fs.readFileSync(own, 'utf8'));
    fs.writeFileSync(own, reworded);
    submission(subs, 'bob', { 'token-bucket.ts': 'exercises', 'keyed-limiter.ts': 'exercises' });
    submission(subs, weird, { 'token-bucket.ts': 'solutions' }); // keyed-limiter.ts missing
    fs.symlinkSync(path.join(subs, 'alice'), path.join(subs, 'mallory'));
    fs.writeFileSync(path.join(subs, 'notes.txt'), 'not a submission\n');

    const result = grade('--batch', subs, '--out', out, '--jobs', '2', '--seed', '31337', 'token-bucket');
    expect(result.status, result.stderr).toBe(0);
    expect(result.lastLine).toBe('3 graded, 0 not graded to the end');

    // Each student's reports, from the one result model, with the seed.
    for (const student of ['alice', 'bob', weird]) {
      for (const file of ['result.json', 'junit.xml', 'summary.md', 'gradescope.json', 'grade.log']) expect(fs.existsSync(path.join(out, student, file)), `${student}/${file}`).toBe(true);
      const json = JSON.parse(fs.readFileSync(path.join(out, student, 'result.json'), 'utf8')) as RunResult;
      expect(json).toMatchObject({ seed: 31337, impl: 'submission', submission: path.join(subs, student) });
    }
    // A learner file missing: the exercise is not run, and says which file.
    const missing = JSON.parse(fs.readFileSync(path.join(out, weird, 'result.json'), 'utf8')) as RunResult;
    expect(missing.score).toBe(0);
    expect(missing.exercises[0]!.submitted?.missing.map((m) => m.expected)).toEqual(['exercises/token-bucket/keyed-limiter.ts']);
    expect(fs.existsSync(path.join(out, 'mallory'))).toBe(false);

    // CSV: RFC 4180, a formula guard, rows sorted by name ('=' sorts before letters).
    const csv = readCsv(path.join(out, 'summary.csv'));
    expect(csv[0]).toBe('student,score,max,percent,token-bucket,status,seconds,seed,detail,notes');
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatch(/^"'=carol,""missing""\|x",0,100,0,0,missing,[\d.]+,31337,token-bucket: exercises\/token-bucket\/keyed-limiter\.ts not found: no file of that name; exercises\/token-bucket\/ holds token-bucket\.ts,$/);
    expect(csv[2]).toMatch(/^alice,100,100,100,100,ok,[\d.]+,31337,,token-bucket: identical to the reference$/);
    expect(fs.readFileSync(path.join(out, 'alice', 'result.json'), 'utf8'), 'the summaries are the instructor\'s; the student\'s report does not say').not.toContain('identical');
    expect(csv[3]).toMatch(/^bob,0,100,0,0,ok,[\d.]+,31337,,token-bucket: the untouched stub$/);

    // Markdown: the same rows, names inert, the skipped entries listed.
    const md = fs.readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(md).toContain('seed `31337`');
    const rows = md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Student'));
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| \\=carol\\,\\"missing\\"\\|x', '| alice', '| bob']);
    expect(rows[1]).toMatch(/\| 100\/100 \| 100 % \| 100 \| ✅ ok \| [\d.]+ s \| token\\-bucket\\: identical to the reference \|$/);
    expect(md).toContain('- mallory: a symbolic link, not a folder');
    expect(md).toContain('- notes\\.txt: not a folder');
  });

  test('a misplaced, missing or doubled learner file, and two students with the same file: each says what it is, and only found files are graded', () => {
    const dir = scratch();
    const subs = path.join(dir, 'subs');
    const out = path.join(dir, 'out');
    const learnerFile = (student: string, rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(subs, student, rel)), { recursive: true });
      fs.writeFileSync(path.join(subs, student, rel), text);
    };
    // Cheap to grade: nothing the suites import is exported, so every test fails at once.
    learnerFile('dir', 'exercises/bloom-filter/bloom-filter.ts/notes.txt', '');
    learnerFile('gone', 'exercises/bloom-filter/bloomfilter.ts', 'export const mine = 2;\n');
    learnerFile('both', 'a/bloom-filter/bloom-filter.ts', 'export const mine = 3;\n');
    learnerFile('both', 'b/bloom-filter/bloom-filter.ts', 'export const mine = 4;\n');
    learnerFile('twin-a', 'exercises/bloom-filter/bloom-filter.ts', '/** Mine. */\nexport const shared = 5;\n');
    learnerFile('twin-b', 'repo/exercises/bloom-filter/bloom-filter.ts', 'export   const shared = 5; // mine too\n'); // one folder too deep
    // twin-a is a git checkout, with its learner file edited after the commit.
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-C', path.join(subs, 'twin-a'), ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'work');
    const commit = git('rev-parse', 'HEAD').stdout.trim();
    fs.appendFileSync(path.join(subs, 'twin-a/exercises/bloom-filter/bloom-filter.ts'), '// edited after the commit\n');

    const result = grade('--batch', subs, '--out', out, '--jobs', '2', 'bloom-filter');
    expect(result.status, result.stderr).toBe(0);
    expect(result.lastLine).toBe('5 graded, 0 not graded to the end');

    const csv = readCsv(path.join(out, 'summary.csv'));
    const row = (student: string) => {
      const line = csv.find((l) => l.startsWith(`${student},`));
      expect(line, student).toBeDefined();
      return line!;
    };
    const dirIs = 'exercises/bloom-filter/bloom-filter.ts not found: exercises/bloom-filter/bloom-filter.ts is a directory where the file should be';
    expect(row('dir')).toMatch(/^dir,0,100,0,0,missing,[\d.]+,1,/);
    expect(row('dir').endsWith(`,bloom-filter: ${dirIs},`), row('dir')).toBe(true);
    expect(row('gone')).toMatch(/,missing,.*exercises\/bloom-filter\/bloom-filter\.ts not found: a similar name: exercises\/bloom-filter\/bloomfilter\.ts,$/);
    expect(row('both')).toMatch(/,missing,.*not found: 2 candidates, a\/bloom-filter\/bloom-filter\.ts, b\/bloom-filter\/bloom-filter\.ts, so none was taken/);
    expect(row('twin-a')).toMatch(/^twin-a,0,100,0,0,ok,[\d.]+,1,,bloom-filter: identical to twin-b's$/);
    expect(row('twin-b')).toMatch(
      /^twin-b,0,100,0,0,ok,[\d.]+,1,,"bloom-filter: bloom-filter\.ts taken from repo\/exercises\/bloom-filter\/bloom-filter\.ts: the repository is one folder too deep, under repo\/; bloom-filter: identical to twin-a's"$/,
    );
    expect(fs.readFileSync(path.join(out, 'summary.md'), 'utf8')).toContain("| 📭 missing: bloom\\-filter\\: exercises\\/bloom\\-filter\\/bloom\\-filter\\.ts not found\\: exercises");

    // A missing exercise is not run: every task reports "not submitted", in every report, and never the alias.
    const json = JSON.parse(fs.readFileSync(path.join(out, 'dir', 'result.json'), 'utf8')) as RunResult;
    expect(json.exercises[0]!.tests.map((t) => t.status)).toEqual(['not-submitted', 'not-submitted', 'not-submitted', 'not-submitted']);
    expect(json.exercises[0]!.tests.every((t) => t.message.startsWith(`not submitted: ${dirIs}.`))).toBe(true);
    for (const file of ['result.json', 'junit.xml', 'summary.md', 'gradescope.json', 'grade.log']) {
      const text = fs.readFileSync(path.join(out, 'dir', file), 'utf8');
      expect(text, file).toContain('not found: exercises/bloom-filter/bloom-filter.ts is a directory');
      expect(text, file).not.toContain('@impl');
    }
    expect(fs.readFileSync(path.join(out, 'dir', 'grade.log'), 'utf8')).toContain('bloom-filter: not submitted, so none of its tests ran:');
    const gradescope = JSON.parse(fs.readFileSync(path.join(out, 'dir', 'gradescope.json'), 'utf8')) as { score: number; output: string; tests: { output: string }[] };
    expect(gradescope.score).toBe(0);
    expect(gradescope.output).toContain('bloom-filter (Bloom filter): 0/100, not submitted, so none of its tests ran');
    expect(gradescope.tests.every((t) => t.output.startsWith('not submitted: '))).toBe(true);

    // Provenance: the commit of a checkout and the file that differs from it; a plain folder says it is none.
    const twin = JSON.parse(fs.readFileSync(path.join(out, 'twin-a', 'result.json'), 'utf8')) as RunResult;
    const bytes = fs.readFileSync(path.join(subs, 'twin-a/exercises/bloom-filter/bloom-filter.ts'));
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(twin.provenance).toEqual({
      commit,
      uncommitted: ['exercises/bloom-filter/bloom-filter.ts'],
      sha256: createHash('sha256').update(`${sha}  exercises/bloom-filter/bloom-filter.ts\n`).digest('hex'),
    });
    expect(twin.exercises[0]!.submitted).toEqual({ status: 'taken', files: [{ file: 'bloom-filter.ts', from: 'exercises/bloom-filter/bloom-filter.ts', sha256: sha }], missing: [] });
    expect(fs.readFileSync(path.join(out, 'twin-a', 'grade.log'), 'utf8')).toContain(`· commit ${commit.slice(0, 12)} with uncommitted changes to exercises/bloom-filter/bloom-filter.ts · files sha256 `);
    expect(fs.readFileSync(path.join(out, 'twin-a', 'summary.md'), 'utf8')).toContain(`at commit \`${commit}\` with uncommitted changes to`);
    const deep = JSON.parse(fs.readFileSync(path.join(out, 'twin-b', 'result.json'), 'utf8')) as RunResult;
    expect(deep.provenance).toMatchObject({ commit: null, commitNote: 'not a git checkout' });
    expect(deep.exercises[0]!.submitted?.files[0]?.from).toBe('repo/exercises/bloom-filter/bloom-filter.ts');
    expect(deep.exercises[0]!.notes).toContain('submission: bloom-filter.ts taken from repo/exercises/bloom-filter/bloom-filter.ts: the repository is one folder too deep, under repo/');
    // Whose work matched is the instructor's to know: no student report says it.
    for (const student of ['twin-a', 'twin-b']) expect(fs.readFileSync(path.join(out, student, 'result.json'), 'utf8')).not.toContain('identical to');
  });

  test('a student past the time limit still gets a row: timed-out, and no credit beyond the result file the grader left', () => {
    const dir = scratch();
    const subs = path.join(dir, 'subs');
    const out = path.join(dir, 'out');
    submission(subs, 'slow', { 'token-bucket.ts': 'solutions', 'keyed-limiter.ts': 'solutions' });
    // A stale report from an earlier batch must not be read as this one's.
    fs.mkdirSync(path.join(out, 'slow'), { recursive: true });
    fs.writeFileSync(path.join(out, 'slow', 'result.json'), JSON.stringify({ version: 1, seed: 1, score: 100, maxScore: 100, exercises: [] }));

    const result = grade('--batch', subs, '--out', out, '--student-time-limit', '0.5', 'token-bucket');
    expect(result.status, result.stderr).toBe(0);
    const csv = readCsv(path.join(out, 'summary.csv'));
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^slow,0,100,0,0,timed-out,[\d.]+,1,stopped after 0.5 s.*,token-bucket: identical to the reference$/);
  });

  test('batch usage errors exit 2', () => {
    const dir = scratch();
    for (const args of [
      ['--batch', dir],
      ['--batch', dir, '--out', path.join(dir, 'out')],
      ['--batch', path.join(dir, 'none'), '--out', path.join(os.tmpdir(), 'x')],
      ['--batch', dir, '--out', `${dir}-out`, '--json', 'x.json'],
      ['--batch', dir, '--out', `${dir}-out`, '--solutions'],
      ['--jobs', '2'],
      ['--batch', dir, '--out', `${dir}-out`, '--jobs', '0'],
    ]) {
      const result = grade(...args);
      expect(result.status, args.join(' ')).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, args.join(' ')).toEqual([expect.stringMatching(/^usage: npm run grade -- /), expect.stringMatching(/^grade: /)]);
    }
  });
});

describe('escaping student names', () => {
  test('CSV fields: RFC 4180 quoting, and a leading apostrophe on anything a spreadsheet would run as a formula', () => {
    expect(csvField('alice')).toBe('alice');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvField(`${lead}SUM(A1)`)).toBe(`'${lead}SUM(A1)`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField(-3)).toBe('-3');
  });

  test('Markdown text: punctuation escaped, control characters shown, so a name cannot link, format or break a table', () => {
    expect(markdownText('[click](http://x)')).toBe('\\[click\\]\\(http\\:\\/\\/x\\)');
    expect(markdownText('a|b')).toBe('a\\|b');
    expect(markdownText('<img src=x>')).toBe('\\<img src\\=x\\>');
    expect(markdownText('line\nbreak\u001b[31m')).toBe('line\ufffdbreak\ufffd\\[31m');
  });
});
