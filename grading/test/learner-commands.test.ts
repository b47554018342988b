/**
 * `npm run next` (grading/next.ts) and `npm run reset` (grading/reset.ts), end
 * to end through their npm scripts, against copies of the exercises in a
 * temporary folder (FAULTLINE_IMPL_ROOT), never exercises/ itself.
 *
 * Grading is what costs: one real grade of the untouched Bloom filter shows
 * that `next` names the real suite's first test; the other choices are graded
 * with a suite of one test per task (FAULTLINE_SUITE_DIR, staged as
 * `npm run grade -- --suite` stages one), a few seconds each instead of
 * twenty for the reference's real suite.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shipped } from '../catalog';
import { readLadders, writeLadders } from '../hints';
import { stageSuite, type StagedSuite } from '../private-suite';
import { blobId, readPins, stubOf } from '../stubs';
import { ROOT, shellEnv } from './support';

const BLOOM = 'exercises/bloom-filter/bloom-filter.ts';

/** One test per task, each worth the whole task: passes on the reference, "not implemented" on the stub. */
const TINY_SUITES: Readonly<Record<string, string>> = {
  'bloom-filter': `import { expect } from 'vitest';
import { exerciseSpec } from '@faultline/catalog';
import { gradedSuite } from '@faultline/suite';
const suite = gradedSuite<typeof import('@impl/bloom-filter')>(exerciseSpec('bloom-filter'), () => import('@impl/bloom-filter'));
suite.task(1, () => suite.test({ points: 20, category: 'correctness', name: 'sizing gives bits' }, () => {
  expect(suite.impl().optimalParameters(100, 0.01).bits).toBeGreaterThan(0);
}));
suite.task(2, () => suite.test({ points: 40, category: 'correctness', name: 'an added key is there' }, () => {
  const filter = new (suite.impl().BloomFilter)(64, 3);
  filter.add('k');
  expect(filter.has('k')).toBe(true);
}));
suite.task(3, () => suite.test({ points: 20, category: 'correctness', name: 'a union has both keys' }, () => {
  const { BloomFilter } = suite.impl();
  expect(new BloomFilter(64, 3).union(new BloomFilter(64, 3)).bits).toBe(64);
}));
suite.task(4, () => suite.test({ points: 20, category: 'correctness', name: 'bytes read back' }, () => {
  const { BloomFilter } = suite.impl();
  expect(BloomFilter.fromBytes(new BloomFilter(64, 3).toBytes()).bits).toBe(64);
}));
`,
  'vector-clock': `import { expect } from 'vitest';
import { exerciseSpec } from '@faultline/catalog';
import { gradedSuite } from '@faultline/suite';
const suite = gradedSuite(exerciseSpec('vector-clock'), async () => {
  const [clock, node, store] = await Promise.all([import('@impl/vector-clock'), import('@impl/vector-clock/causal-node'), import('@impl/vector-clock/versioned-store')]);
  return { ...clock, ...node, ...store };
});
suite.task(1, () => suite.test({ points: 40, category: 'correctness', name: 'an increment counts one' }, () => {
  expect(suite.impl().VectorClock.empty().increment('a').get('a')).toBe(1);
}));
suite.task(2, () => suite.test({ points: 30, category: 'correctness', name: 'a local event emits' }, () => {
  new (suite.impl().CausalNode)({ id: 'a' } as never).local();
}));
suite.task(3, () => suite.test({ points: 30, category: 'correctness', name: 'a store is built' }, () => {
  expect(new (suite.impl().VersionedStore)('a')).toBeDefined();
}));
`,
};

let work: string;
let tiny: StagedSuite;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-learner-'));
  const source = path.join(work, 'tiny-suite');
  for (const [slug, text] of Object.entries(TINY_SUITES)) {
    fs.mkdirSync(path.join(source, slug), { recursive: true });
    fs.writeFileSync(path.join(source, slug, 'tiny.test.ts'), text);
  }
  tiny = stageSuite(source, Object.keys(TINY_SUITES));
});

afterAll(() => {
  tiny?.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

let copies = 0;
/** A learner's exercises: every shipped exercise as committed (the stubs), then the given files from solutions/. */
function learner(solved: readonly string[] = []): { root: string; env: NodeJS.ProcessEnv } {
  const dir = path.join(work, `learner-${++copies}`);
  const root = path.join(dir, 'exercises');
  for (const spec of shipped()) fs.cpSync(path.join(ROOT, 'exercises', spec.slug), path.join(root, spec.slug), { recursive: true });
  for (const file of solved) fs.copyFileSync(path.join(ROOT, 'solutions', file), path.join(root, file));
  const env = {
    ...shellEnv(),
    FAULTLINE_IMPL_ROOT: root,
    FAULTLINE_HINTS_FILE: path.join(dir, 'hints.json'),
    FAULTLINE_SAVED_DIR: path.join(dir, 'saved'),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  return { root, env };
}

const npm = (args: readonly string[], env: NodeJS.ProcessEnv, cwd = ROOT) => {
  const run = spawnSync('npm', ['run', '--silent', ...args], { cwd, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, lines: run.stdout.trimEnd().split('\n') };
};

describe('the stubs as shipped', () => {
  test('grading/stubs.json pins every learner file of every exercise to its committed stub, readable from git', () => {
    const pins = readPins();
    for (const spec of shipped()) {
      for (const file of spec.learnerFiles) {
        const committed = fs.readFileSync(path.join(ROOT, 'exercises', spec.slug, file));
        expect(
          pins[spec.slug]?.[file],
          `exercises/${spec.slug}/${file} is not the stub pinned in grading/stubs.json: if you changed the stub on purpose, record "${blobId(committed)}" (git hash-object) there`,
        ).toBe(blobId(committed));
        expect(stubOf(spec, file, pins).equals(committed), `${spec.slug}/${file} from git`).toBe(true);
      }
    }
  });
});

describe('npm run next', () => {
  test('on the untouched stubs: the Bloom filter, task 1, with the real suite’s first test, the README section and the commands', () => {
    const { env } = learner();
    const run = npm(['next'], env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr, 'untouched exercises are not graded; only the one picked is').toBe('next: grading bloom-filter (seed 1) …\n');
    expect(run.lines[0]).toBe('next: Bloom filter, task 1 · Sizing   0/20  ░░░░░░░░░░░░░░░░░░░░');
    expect(run.lines[1]).toContain('not started');
    expect(run.stdout).toMatch(/^first failing test: \[\d+\] optimalParameters .*\n {6}not implemented: optimalParameters/m);
    expect(run.stdout).toContain('read: exercises/bloom-filter/README.md#1-sizing--20-points\n');
    expect(run.stdout).toContain('run:  cd exercises/bloom-filter && npm test\n');
    expect(run.stdout).toContain('npm run hint -- bloom-filter 1');
    expect(run.lines.length).toBeLessThanOrEqual(15);
  });

  test('with the Bloom filter solved: the vector clock, task 1, after the Bloom filter at full marks', () => {
    const { env } = learner(['bloom-filter/bloom-filter.ts']);
    const run = npm(['next'], { ...env, FAULTLINE_SUITE_DIR: tiny.root });
    expect(run.status, run.stderr).toBe(0);
    expect(run.lines[0]).toMatch(/^next: Vector clocks, task 1 · Vector clock {3}0\/40 /);
    expect(run.lines[1]).toMatch(/^why: {2}Bloom filter at full marks; Vector clocks is the next in the curriculum, not started/);
    expect(run.stdout).toContain('first failing test: [40] an increment counts one\n      not implemented: VectorClock.empty');
    expect(run.stdout).toContain('read: exercises/vector-clock/README.md#1-vector-clock--40-points');
  });

  test('a started exercise comes before an earlier one not started, at its first task short of full marks', () => {
    const { env } = learner(['vector-clock/vector-clock.ts']);
    const run = npm(['next'], { ...env, FAULTLINE_SUITE_DIR: tiny.root });
    expect(run.status, run.stderr).toBe(0);
    expect(run.lines[0]).toMatch(/^next: Vector clocks, task 2 · Timestamping events {3}0\/30 /);
    expect(run.lines[1]).toContain('Vector clocks is in progress (40/100); finish it before Bloom filter, not started');
    expect(run.stdout).toContain('not implemented: CausalNode.local');
  });

  test('in a solved exercise’s folder, npm run next says it is at full marks and where to look for the rest', () => {
    const { env } = learner(['bloom-filter/bloom-filter.ts']);
    const run = npm(['next'], { ...env, FAULTLINE_SUITE_DIR: tiny.root }, path.join(ROOT, 'exercises/bloom-filter'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.lines).toEqual(['next: nothing here. bloom-filter is at full marks (100/100).', '      npm run next at the root of the repository looks at every exercise.']);
  });
});

describe('npm run reset', () => {
  test('keeps the learner’s file byte for byte in the folder it names, puts the stub back byte for byte, and starts that exercise’s hints over', () => {
    const { root, env } = learner(['bloom-filter/bloom-filter.ts']);
    const mine = path.join(root, 'bloom-filter/bloom-filter.ts');
    const hints = env.FAULTLINE_HINTS_FILE!;
    writeLadders(hints, { version: 1, exercises: { 'bloom-filter': { '2': { shown: 2, code: 'x', points: 0 } }, raft: { '1': { shown: 1, code: 'y', points: 0 } } } });

    const dry = npm(['reset', '--', 'bloom-filter', '--dry-run'], env);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('would keep your bloom-filter.ts in ');
    expect(fs.readFileSync(mine).equals(fs.readFileSync(path.join(ROOT, 'solutions/bloom-filter/bloom-filter.ts'))), 'a dry run writes nothing').toBe(true);
    expect(fs.existsSync(env.FAULTLINE_SAVED_DIR!)).toBe(false);
    expect(Object.keys(readLadders(hints).exercises)).toEqual(['bloom-filter', 'raft']);

    const run = npm(['reset'], env, path.join(ROOT, 'exercises/bloom-filter'));
    expect(run.status, run.stderr).toBe(0);
    const saved = /keep your bloom-filter\.ts in (\S+)\/\n/.exec(run.stdout)?.[1];
    expect(saved, run.stdout).toBeDefined();
    expect(path.resolve(ROOT, 'exercises/bloom-filter', saved!)).toMatch(/\/saved\/bloom-filter\/\d{8}T\d{6}Z$/);
    expect(fs.readFileSync(path.resolve(ROOT, 'exercises/bloom-filter', saved!, 'bloom-filter.ts')).equals(fs.readFileSync(path.join(ROOT, 'solutions/bloom-filter/bloom-filter.ts')))).toBe(true);
    expect(fs.readFileSync(mine).equals(fs.readFileSync(path.join(ROOT, BLOOM))), 'the stub as committed').toBe(true);
    expect(readLadders(hints).exercises).toEqual({ raft: { '1': { shown: 1, code: 'y', points: 0 } } });
  });

  test('an unknown exercise, a second one or an unknown option is refused with exit 2: the usage line, then one line of why; nothing is written (next refuses alike)', () => {
    const { root, env } = learner(['bloom-filter/bloom-filter.ts']);
    const refused: [readonly string[], string][] = [
      [['reset', '--', 'paxos'], 'reset: unknown exercise "paxos"; known: bloom-filter, '],
      [['reset', '--', 'bloom-filter', 'raft'], 'reset: one exercise at a time, not "bloom-filter raft"'],
      [['reset', '--', 'bloom-filter', '--force'], 'reset: unknown option --force'],
      [['next', '--', '--all'], 'next: unknown option --all'],
    ];
    for (const [args, why] of refused) {
      const run = npm(args, env);
      expect(run.status, args.join(' ')).toBe(2);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines, args.join(' ')).toHaveLength(2);
      expect(lines[0], args.join(' ')).toMatch(new RegExp(`^usage: npm run ${args[0]} -- `));
      expect(lines[1]!.startsWith(why), `${args.join(' ')}: ${lines[1]}`).toBe(true);
    }
    expect(fs.existsSync(env.FAULTLINE_SAVED_DIR!)).toBe(false);
    expect(fs.readFileSync(path.join(root, 'bloom-filter/bloom-filter.ts')).equals(fs.readFileSync(path.join(ROOT, 'solutions/bloom-filter/bloom-filter.ts')))).toBe(true);
  });
});
