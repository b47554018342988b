/**
 * A class of 30 bloom-filter submissions, graded in batch: how long
 * `grade --batch` takes, and the summary an instructor gets.
 *
 *   npx tsx grading/bench/class-of-30.ts [--out DIR] [--jobs N] [--build-only]
 *
 * Writes DIR/subs/<student>/ (default DIR: a new folder in the system's
 * temporary folder), then runs `grade --batch DIR/subs --out DIR/out --jobs N
 * bloom-filter` (N default 2) and prints its wall time and DIR/out/summary.md.
 *
 * The class, each student in a folder named for what it is:
 * - 10 correct: the two blind red teams' own correct bases, and eight copies of
 *   the reference with their comments reworded and identifiers renamed (so
 *   they are not copies once comments and whitespace are normalised: the copy
 *   check does not look through renames);
 * - 10 wrong: known-wrong variants (grading/suites/bloom-filter/broken), whole
 *   files as a learner would have written them;
 * - 5 misplaced: a repository one folder too deep and a loose file (both found
 *   and graded), a directory where the file should be, a misspelt file name,
 *   and two copies of the repository (all three `missing`);
 * - 5 copies of the reference: two exact (one a git checkout), one with its
 *   comments reworded, one reindented without comments, one rewrapped.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, TSX_BIN } from '../paths';
import { materialize, ownVariants } from '../variants';

const FILE = 'bloom-filter.ts';
const EXPECTED = `exercises/bloom-filter/${FILE}`;

const { values } = parseArgs({
  options: { out: { type: 'string' }, jobs: { type: 'string', default: '2' }, 'build-only': { type: 'boolean', default: false } },
  strict: true,
  allowPositionals: false,
});
const jobs = Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error(`class-of-30: --jobs needs a positive integer, not "${values.jobs}"`);
  process.exit(2);
}
const dir = path.resolve(values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-class-of-30-')));
const subs = path.join(dir, 'subs');
const out = path.join(dir, 'out');

const read = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const reference = read(`solutions/bloom-filter/${FILE}`);

/** Comments in other words: what a student who copied and "made it their own" does first. */
const reworded = (text: string): string =>
  text.replace(/\/\*\*[\s\S]*?\*\//g, '/** My implementation, see the README for the contract. */').replace(/(^|[^:'"`])\/\/ .*$/gm, '$1// (my note)');

/** Replaces every whole-word `from` by `to`, and checks that there was one. */
function rename(text: string, from: string, to: string): string {
  const pattern = new RegExp(`(?<![\\w#$])${from.replace(/[#$]/g, '\\$&')}(?![\\w$])`, 'g');
  if (!pattern.test(text)) throw new Error(`class-of-30: ${from} is not in the reference any more; pick another rename`);
  return text.replace(pattern, to);
}

/** Code-level variations of the reference that keep its behaviour; each correct student gets a different set. */
const VARIATIONS: readonly ((text: string) => string)[] = [
  (t) => rename(t, 'requireInteger', 'checkInteger'),
  (t) => rename(t, 'utf8', 'encoder'),
  (t) => rename(t, '#array', '#bitset'),
  (t) => rename(t, 'spare', 'padding'),
  (t) => {
    const from = 'Math.pow(-Math.expm1((-hashes * items) / bits), hashes)';
    if (!t.includes(from)) throw new Error('class-of-30: the reference no longer computes the rate with Math.pow');
    return t.replace(from, '(-Math.expm1((-hashes * items) / bits)) ** hashes');
  },
];
const varied = (mask: number): string => VARIATIONS.reduce((text, change, i) => ((mask >> i) & 1 ? change(text) : text), reworded(reference));

function write(student: string, rel: string, text: string): void {
  const file = path.join(subs, student, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function commit(student: string): void {
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=student', '-c', 'user.email=student@example.com', '-C', path.join(subs, student), ...args], { stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'my bloom filter');
}

async function build(): Promise<number> {
  fs.rmSync(subs, { recursive: true, force: true });
  // 10 correct.
  write('correct-01-blind-a', EXPECTED, reworded(read(`grading/suites/bloom-filter/broken/redteam/base/${FILE}`)));
  write('correct-02-blind-b', EXPECTED, reworded(read(`grading/suites/bloom-filter/broken/redteam-2/base/${FILE}`)));
  for (let i = 3; i <= 10; i++) write(`correct-${String(i).padStart(2, '0')}-renamed`, EXPECTED, varied(i - 2));
  commit('correct-03-renamed');
  // 10 wrong, and one more for a loose file.
  const wrong = (await ownVariants('bloom-filter')).slice(0, 11).map((v) => ({ name: v.name, text: materialize(v).get(FILE)! }));
  for (const variant of wrong.slice(0, 10)) write(`wrong-${variant.name}`, EXPECTED, variant.text);
  // 5 misplaced.
  write('misplaced-1-one-folder-deep', `faultline-main/${EXPECTED}`, varied(9 + 16));
  write('misplaced-1-one-folder-deep', 'faultline-main/README.md', '# faultline\n');
  write('misplaced-2-loose-file', FILE, wrong[10]!.text);
  fs.mkdirSync(path.join(subs, 'misplaced-3-directory', EXPECTED), { recursive: true });
  write('misplaced-4-misspelt', 'exercises/bloom-filter/BloomFilter.ts', varied(10 + 16));
  write('misplaced-5-two-copies', `attempt-1/${EXPECTED}`, varied(11 + 16));
  write('misplaced-5-two-copies', `attempt-2/${EXPECTED}`, varied(12 + 16));
  // 5 copies of the reference.
  write('copy-1-exact', EXPECTED, reference);
  write('copy-2-exact-committed', EXPECTED, reference);
  commit('copy-2-exact-committed');
  write('copy-3-comments-reworded', EXPECTED, reworded(reference));
  write('copy-4-reindented-no-comments', EXPECTED, reference.replace(/\/\*\*[\s\S]*?\*\/\n?/g, '').replace(/ \/\/ .*$/gm, '').replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2)));
  write('copy-5-rewrapped', EXPECTED, reference.replace(/\) \{$/gm, ')\n{').replace(/;$/gm, ';\n'));
  return fs.readdirSync(subs).length;
}

const students = await build();
console.log(`class-of-30: ${students} submissions in ${subs}`);
if (!values['build-only']) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/cli.ts'), '--batch', subs, '--out', out, '--jobs', String(jobs), 'bloom-filter'], { cwd: ROOT, stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nclass-of-30: grade --batch exited ${run.status ?? run.signal} after ${seconds.toFixed(1)} s of wall time (${jobs} jobs, ${os.availableParallelism()} cores)\n`);
  console.log(fs.readFileSync(path.join(out, 'summary.md'), 'utf8'));
  process.exitCode = run.status ?? 2;
}
