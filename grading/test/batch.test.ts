/**
 * `grade --batch`: a folder of submissions graded in parallel, each in its own
 * process, with one row per student in the summaries, whatever the student did.
 */
import { spawnSync } from 'node:child_process';
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
    const missing = JSON.parse(fs.readFileSync(path.join(out, weird, 'result.json'), 'utf8')) as RunResult;
    expect(missing.exercises[0]!.notes.join('\n')).toContain('exercises/token-bucket/keyed-limiter.ts is missing');
    expect(missing.score).toBeGreaterThan(0);
    expect(missing.score).toBeLessThan(100);
    expect(fs.existsSync(path.join(out, 'mallory'))).toBe(false);

    // CSV: RFC 4180, a formula guard, rows sorted by name ('=' sorts before letters).
    const csv = readCsv(path.join(out, 'summary.csv'));
    expect(csv[0]).toBe('student,score,max,percent,token-bucket,status,seconds,seed,detail');
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatch(new RegExp(`^"'=carol,""missing""\\|x",${missing.score},100,${missing.score},${missing.score},ok,[\\d.]+,31337,$`));
    expect(csv[2]).toMatch(/^alice,100,100,100,100,ok,[\d.]+,31337,$/);
    expect(csv[3]).toMatch(/^bob,0,100,0,0,ok,[\d.]+,31337,$/);

    // Markdown: the same rows, names inert, the skipped entries listed.
    const md = fs.readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(md).toContain('seed `31337`');
    const rows = md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Student'));
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| \\=carol\\,\\"missing\\"\\|x', '| alice', '| bob']);
    expect(rows[1]).toContain('| 100/100 | 100 % | 100 | ✅ ok |');
    expect(md).toContain('- mallory: a symbolic link, not a folder');
    expect(md).toContain('- notes\\.txt: not a folder');
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
    expect(csv[1]).toMatch(/^slow,0,100,0,0,timed-out,[\d.]+,1,stopped after 0.5 s/);
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
      expect(result.stderr, args.join(' ')).toMatch(/^grade: /);
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
