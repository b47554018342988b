/**
 * Staged hints (grading/hints): the data covers every task and points at real
 * README passages, the READMEs show the data, reports put a task's hint beside
 * its failures, and a learner's runs climb the ladder as the module says.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GradedMeta } from '../../harness/suite';
import { catalog, exerciseSpec } from '../catalog';
import { allHints, climb, climbAndHint, readLadders, unfinishedBase, withHints } from '../hints';
import { declarationsOf, taskCodeHash, taskDeclarations } from '../hints/task-code';
import { staleReadmes } from '../hints/readme';
import { stageFile } from '../impl';
import { ROOT, TSX_BIN, VITEST_BIN } from '../paths';
import { renderExercise } from '../reports/terminal';
import { toMarkdown } from '../reports/markdown';
import { gradescopeResults } from '../reports/gradescope';
import { scoreExercise, type Outcome } from '../score';
import { gradeVariant, shellEnv, stageVariantById } from './support';

const headings = (slug: string): string[] =>
  fs
    .readFileSync(path.join(ROOT, 'exercises', slug, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, ''));

const temporary = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-hints-'));

describe('the hint data', () => {
  test('every task of every exercise has two to four stages, each a paragraph of its own', () => {
    const hints = allHints();
    expect(hints.length).toBe(catalog.reduce((sum, e) => sum + e.tasks.length, 0));
    for (const { slug, task, stages } of hints) {
      expect(stages.length, `${slug} task ${task}`).toBeGreaterThanOrEqual(2);
      expect(stages.length, `${slug} task ${task}`).toBeLessThanOrEqual(4);
      for (const stage of stages) {
        expect(stage.text.trim().length, `${slug} task ${task}`).toBeGreaterThan(40);
        expect(stage.text, `${slug} task ${task}: one paragraph`).not.toMatch(/\n/);
      }
      expect(new Set(stages.map((s) => s.text)).size, `${slug} task ${task}: no stage repeats another`).toBe(stages.length);
    }
  });

  test('every task points at a README passage or a paper section, and every README passage named exists', () => {
    for (const { slug, task, stages } of allHints()) {
      expect(stages.some((s) => s.readme !== undefined || s.paper !== undefined), `${slug} task ${task}`).toBe(true);
      const known = headings(slug);
      for (const stage of stages) if (stage.readme !== undefined) expect(known, `${slug} task ${task}`).toContain(stage.readme);
    }
  });

  test('each exercise README shows exactly the hints the reports show (npx tsx grading/hints/readme.ts rewrites them)', () => {
    expect(staleReadmes()).toEqual([]);
  });
});

// ---------------------------------------------------------------- reports

const spec = exerciseSpec('bloom-filter');
const metas: GradedMeta[] = spec.tasks.flatMap((task) => [
  { exercise: spec.slug, task: task.id, category: 'correctness' as const, points: task.points - 1, name: `task ${task.id} a` },
  { exercise: spec.slug, task: task.id, category: 'api' as const, points: 1, name: `task ${task.id} b` },
]);
const scored = (outcome: (name: string) => Outcome) => scoreExercise(spec, metas, new Map(metas.map((t) => [t.name, outcome(t.name)])));
const passed: Outcome = { status: 'passed', message: '' };
// Task 1 passes, task 2 fails for real, task 3 is half done, task 4 is untouched.
const mixed = scored((name) =>
  name.startsWith('task 1') || name === 'task 3 b' ? passed : name.startsWith('task 4') ? { status: 'failed', message: 'not implemented: toBytes' } : { status: 'failed', message: `expected more from ${name}` },
);

describe('hints in reports', () => {
  test('a started task short of full marks carries its hint; a task at full marks and an untouched one carry none; a task built on an unfinished one says to finish that first', () => {
    const tasks = withHints(mixed).tasks;
    // Task 3 builds on task 2 (grading/hints/bloom-filter.ts), which is short.
    expect(tasks.map((t) => t.hint?.stage)).toEqual([undefined, 1, 0, undefined]);
    expect(tasks[2]!.hint!.text).toContain('builds on task 2');
    expect(unfinishedBase(mixed, 3)).toEqual([2]);
    expect(unfinishedBase(mixed, 2)).toEqual([]);
    expect(tasks[1]!.hint!.stages).toBe(allHints().find((h) => h.slug === spec.slug && h.task === 2)!.stages.length);
  });

  test('the stage asked for is shown, never past the last', () => {
    expect(withHints(mixed, () => 2).tasks[1]!.hint!.stage).toBe(2);
    const last = withHints(mixed, () => 99).tasks[1]!.hint!;
    expect(last.stage).toBe(last.stages);
  });

  test('the terminal prints a task’s hint under that task’s failures, before the next task’s, with the command for the next hint', () => {
    const text = renderExercise(withHints(mixed));
    const at = (needle: string): number => {
      const i = text.indexOf(needle);
      expect(i, needle).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at('] task 2 a')).toBeLessThan(at('hint 1 of'));
    expect(at('hint 1 of')).toBeLessThan(at('task 3 a'));
    expect(text).toContain('stuck? the next hint: npm run hint -- bloom-filter 2');
    expect(text).not.toContain('for task 4:');
  });

  test('Markdown lists each hinted task’s hint, and Gradescope puts it beside each failure of its task', () => {
    const run = { version: 1 as const, seed: 7, impl: 'exercises' as const, score: 0, maxScore: 100, exercises: [withHints(mixed)] };
    expect(toMarkdown(run)).toMatch(/\*\*Hint 1 of \d for task 2:\*\*/);
    const output = gradescopeResults(run).tests.find((t) => t.name.includes('task 2 a'))!.output;
    expect(output).toMatch(/hint 1 of \d for task 2: /);
  });

  test('a grade gives a known-wrong filter the first hint of each task it loses points on', async () => {
    const result = await gradeVariant('bloom-filter', 'negative-index');
    const short = result.tasks.filter((t) => t.score < t.maxScore);
    expect(short.length).toBeGreaterThan(0);
    for (const task of short) expect(task.hint?.stage, `task ${task.id}`).toBe(unfinishedBase(result, task.id).length > 0 ? 0 : 1);
    for (const task of result.tasks.filter((t) => t.score === t.maxScore)) expect(task.hint).toBeUndefined();
  });
});

// ---------------------------------------------------------------- the ladder

describe('a task’s own code', () => {
  const source = (tweak: (text: string) => string = (t) => t) =>
    tweak(`import { murmur3 } from './murmur3';
export function optimalParameters(n: number, p: number) { return { bits: n, hashes: p }; }
function helper(x: number) { return x; }
export class BloomFilter {
  #bits = new Uint8Array(1);
  constructor(bits: number) { helper(bits); }
  add(key: string): void { murmur3(key); }
  union(other: BloomFilter): BloomFilter { return other; }
}
`);
  const layout = { code: { 1: ['optimalParameters'], 2: ['BloomFilter.constructor', 'BloomFilter.add'], 3: ['BloomFilter.union'] } };
  const hashes = (text: string) => [1, 2, 3].map((task) => taskCodeHash(declarationsOf('bloom-filter.ts', text), layout, task));

  test('the parser cuts a file into its functions, variables and class members, and the rest', () => {
    expect(declarationsOf('f.ts', source()).map((d) => d.name)).toEqual(['optimalParameters', 'helper', 'BloomFilter.#bits', 'BloomFilter.constructor', 'BloomFilter.add', 'BloomFilter.union', 'f.ts']);
    expect(declarationsOf('f.ts', source()).map((d) => d.text).join('')).toHaveLength(source().length);
    expect(taskDeclarations(declarationsOf('f.ts', source()), layout, 3).map((d) => d.name)).toEqual(['helper', 'BloomFilter.#bits', 'BloomFilter.union', 'f.ts']);
  });

  test('editing one task’s method changes that task’s code alone; a helper no task claims counts for every task', () => {
    const [one, two, three] = hashes(source());
    const union = hashes(source((t) => t.replace('return other;', 'return this;')));
    expect(union).toEqual([one, two, union[2]]);
    expect(union[2]).not.toBe(three);
    const helper = hashes(source((t) => t.replace('return x;', 'return x + 1;')));
    for (let i = 0; i < 3; i++) expect(helper[i]).not.toBe([one, two, three][i]);
  });

  test('a task without claims, or an exercise without a layout, counts every line', () => {
    const all = declarationsOf('f.ts', source());
    expect(taskDeclarations(all, {}, 1)).toEqual(all);
    expect(taskDeclarations(all, { code: { 2: ['BloomFilter.add'] } }, 1)).toEqual(all);
  });
});

describe('climbing the ladder', () => {
  test('the first failing run shows the first stage; a run with the same code stays put', () => {
    const first = climb(undefined, { code: 'a', points: 5 }, 3);
    expect(first.shown).toBe(1);
    expect(climb(first, { code: 'a', points: 0 }, 3)).toBe(first);
  });

  test('changed code that earns the task no more points moves on, up to the last stage', () => {
    let rung = climb(undefined, { code: 'a', points: 5 }, 3);
    rung = climb(rung, { code: 'b', points: 5 }, 3);
    expect(rung.shown).toBe(2);
    rung = climb(rung, { code: 'c', points: 3 }, 3);
    expect(rung.shown).toBe(3);
    rung = climb(rung, { code: 'd', points: 3 }, 3);
    expect(rung.shown).toBe(3);
  });

  test('changed code that earns the task more points keeps the stage: the learner is getting there', () => {
    const rung = climb({ shown: 2, code: 'a', points: 5 }, { code: 'b', points: 9 }, 3);
    expect(rung).toEqual({ shown: 2, code: 'b', points: 9 });
  });

  test('a learner’s runs are remembered in the ladders file, per exercise and task', () => {
    const dir = temporary();
    const file = path.join(dir, 'hints.json');
    const staged = stageFile(spec, path.join(ROOT, 'exercises/bloom-filter/bloom-filter.ts'));
    try {
      expect(climbAndHint(mixed, staged.root, file).tasks[1]!.hint!.stage).toBe(1);
      expect(climbAndHint(mixed, staged.root, file).tasks[1]!.hint!.stage).toBe(1);
      fs.appendFileSync(path.join(staged.root, 'bloom-filter', 'bloom-filter.ts'), '\n// another try\n');
      expect(climbAndHint(mixed, staged.root, file).tasks[1]!.hint!.stage).toBe(2);
      expect(readLadders(file).exercises['bloom-filter']?.['2']?.shown).toBe(2);
      expect(readLadders(file).exercises['bloom-filter']?.['4']).toBeUndefined();
    } finally {
      staged.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a ladders file that is not ours is ignored, not fatal', () => {
    const dir = temporary();
    const file = path.join(dir, 'hints.json');
    fs.writeFileSync(file, '{"version": 1, "exercises": nonsense');
    try {
      expect(readLadders(file)).toEqual({ version: 1, exercises: {} });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------- as a learner meets them

describe('as a learner meets them', () => {
  const hintCli = (file: string, ...args: string[]) =>
    spawnSync(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/hint.ts'), ...args], { cwd: ROOT, env: { ...process.env, FAULTLINE_HINTS_FILE: file }, encoding: 'utf8' });

  test('npm run hint shows the next hint of a task with the ones before it, and says when it was the last', () => {
    const dir = temporary();
    const file = path.join(dir, 'hints.json');
    try {
      const stages = allHints().find((h) => h.slug === 'raft' && h.task === 1)!.stages;
      const first = hintCli(file, 'raft', '1');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(`hint 1 of ${stages.length}`);
      expect(first.stdout).toContain(stages[0]!.text);
      expect(first.stdout).toContain('npm run hint -- raft 1 shows the next');
      // As an exercise's own script runs it: the exercise named by the script, and again by the learner.
      for (let i = 2; i <= stages.length; i++) expect(hintCli(file, 'raft', 'raft', '1').stdout).toContain(`hint ${i} of ${stages.length}`);
      const last = hintCli(file, 'raft', '1');
      expect(last.stdout).toContain(stages[stages.length - 1]!.text);
      expect(last.stdout).toContain('That is the last hint for this task.');
      expect(hintCli(file, 'raft').stdout).toMatch(new RegExp(`Task 1 .* ${stages.length} of ${stages.length}`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('npm run hint with an unknown exercise or task exits 2 with its usage', () => {
    const dir = temporary();
    try {
      for (const args of [[], ['paxos'], ['raft', '9'], ['raft', '1', '2']]) {
        const run = hintCli(path.join(dir, 'hints.json'), ...args);
        expect(run.status, args.join(' ')).toBe(2);
        expect(run.stderr).toContain('usage: npm run hint -- <exercise> [task]');
      }
      expect(fs.readdirSync(dir), 'a refused call records nothing').toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('npm test in an exercise shows the first hint, and the next after a change that did not help', async () => {
    const dir = temporary();
    const staged = await stageVariantById('bloom-filter', 'negative-index');
    const env = { ...shellEnv(), FAULTLINE_IMPL_ROOT: staged.root, FAULTLINE_HINTS_FILE: path.join(dir, 'hints.json'), NO_COLOR: '1', FORCE_COLOR: '0' };
    const practice = () =>
      spawnSync(process.execPath, [VITEST_BIN, 'run', '--root', ROOT, '--project', 'bloom-filter'], { cwd: path.join(ROOT, 'exercises/bloom-filter'), env, encoding: 'utf8' }).stdout;
    try {
      const first = practice();
      const [, stages, task] = /hint 1 of (\d) for task (\d):/.exec(first) ?? [];
      expect(task, first).toBeDefined();
      const file = path.join(staged.root, 'bloom-filter', 'bloom-filter.ts');
      const attempt = fs.readFileSync(file, 'utf8');
      // A run whose code does not load climbs nothing.
      fs.writeFileSync(file, `${attempt}\nexport const broken = (;\n`);
      const unloaded = practice();
      expect(unloaded).toContain('your code did not load');
      fs.writeFileSync(file, attempt);
      expect(practice(), 'the same code as the first run: no new attempt').toContain(`hint 1 of ${stages} for task ${task}:`);
      fs.appendFileSync(file, '\n// one more try, same bug\n');
      expect(practice()).toContain(`hint 2 of ${stages} for task ${task}:`);
    } finally {
      staged.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
