/**
 * grading/mutation/inputs.ts: which files a mutation run depends on, and what
 * a change to each costs. The last test follows every import of each
 * exercise's suite run through the real tree: a file it reaches that is not an
 * input would be a change no committed report notices.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog, exerciseSpec } from '../catalog';
import { compareInputs, describeChanges, hashText, inputKind, ownShare, readInputs, verdictOptions, type Inputs } from '../mutation/inputs';
import { ROOT } from './support';

const base: Inputs = {
  options: verdictOptions('raft'),
  versions: { '@stryker-mutator/core': '9.6.1', vitest: '4.1.12' },
  files: {
    'grading/suites/raft/election.test.ts': 'a1',
    'grading/suites/raft/model.test.ts': 'a2',
    'grading/suites/raft/support.ts': 'b1',
    'harness/deadline.ts': 'c1',
    'solutions/raft/raft.ts': 'd1',
  },
};
const edit = (files: Record<string, string | undefined>, more: Partial<Inputs> = {}): Inputs => {
  const next: Record<string, string> = { ...base.files };
  for (const [file, hash] of Object.entries(files)) {
    if (hash === undefined) delete next[file];
    else next[file] = hash;
  }
  return { ...base, ...more, files: next };
};

describe('what a mutation run depends on', () => {
  test('an exercise sees only its own entry of the catalog and of tsconfig.json: adding the next exercise leaves every report current', () => {
    const catalogText = fs.readFileSync(path.join(ROOT, 'grading/catalog.ts'), 'utf8');
    const tsconfig = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
    const config = JSON.parse(tsconfig) as { compilerOptions: { paths: Record<string, string[]>; target: string } };
    const grown = { ...config, compilerOptions: { ...config.compilerOptions, paths: { ...config.compilerOptions.paths, '@impl/next-one': ['exercises/next-one/next-one.ts'] } } };
    expect(ownShare('raft', 'tsconfig.json', JSON.stringify(grown))).toBe(ownShare('raft', 'tsconfig.json', tsconfig));
    expect(ownShare('raft', 'grading/catalog.ts', `${catalogText}\n// another exercise's entry\n`)).toBe(ownShare('raft', 'grading/catalog.ts', catalogText));
    // What it does read still counts: its own paths, and the compiler options every transform uses.
    const moved = { ...config, compilerOptions: { ...config.compilerOptions, paths: { ...config.compilerOptions.paths, '@impl/raft': ['elsewhere.ts'] } } };
    expect(ownShare('raft', 'tsconfig.json', JSON.stringify(moved))).not.toBe(ownShare('raft', 'tsconfig.json', tsconfig));
    expect(ownShare('raft', 'tsconfig.json', JSON.stringify({ ...config, compilerOptions: { ...config.compilerOptions, target: 'ES2020' } }))).not.toBe(ownShare('raft', 'tsconfig.json', tsconfig));
    expect(ownShare('raft', 'grading/catalog.ts', catalogText)).toBe(`${JSON.stringify(exerciseSpec('raft'))}\n`);
    expect(ownShare('raft', 'vitest.config.ts', 'whole')).toBe('whole');
  });

  test('test files are tracked by Stryker; the reference is mutated; helpers, harness, provided files and the vitest config are not seen by it', () => {
    expect(inputKind('raft', 'grading/suites/raft/election.test.ts')).toBe('tests');
    expect(inputKind('raft', 'solutions/raft/raft.ts')).toBe('reference');
    for (const file of ['grading/suites/raft/support.ts', 'grading/suites/raft/model.ts', 'solutions/raft/protocol.ts', 'exercises/raft/protocol.ts', 'harness/sim/network.ts', 'vitest.config.ts', 'grading/catalog.ts', 'tsconfig.json']) {
      expect(inputKind('raft', file), file).toBe('untracked');
    }
  });

  test("known-wrong variants, the harness's own tests, other exercises and the learner's stubs are not inputs", () => {
    for (const file of ['grading/suites/raft/broken/double-vote.ts', 'harness/test/rng.test.ts', 'grading/suites/bloom-filter/support.ts', 'solutions/bloom-filter/bloom-filter.ts', 'exercises/raft/raft.ts', 'README.md']) {
      expect(inputKind('raft', file), file).toBeUndefined();
    }
  });

  test('a hash reads CRLF line endings as LF, so a Windows checkout agrees', () => {
    expect(hashText('a\r\nb\n')).toBe(hashText('a\nb\n'));
    expect(hashText('a\nb\n')).not.toBe(hashText('a\nc\n'));
  });

  test('the inputs read from the checkout name every suite file but the known-wrong variants, and the exact tool versions', () => {
    const inputs = readInputs('lsm-compaction');
    const files = Object.keys(inputs.files);
    expect(files).toContain('grading/suites/lsm-compaction/merge.test.ts');
    expect(files).toContain('exercises/lsm-compaction/engine.ts');
    expect(files.some((f) => f.includes('/broken/'))).toBe(false);
    expect(files).toEqual([...files].sort());
    expect(inputs.versions['@stryker-mutator/core']).toMatch(/^\d+\.\d+\.\d+/);
    expect(inputs.options.mutate).toEqual(['solutions/lsm-compaction/compaction.ts']);
  });
});

describe('what a change costs', () => {
  test('nothing changed: every verdict stands', () => {
    expect(compareInputs('raft', base, edit({}))).toEqual({ rerun: 'none', changes: [] });
  });

  test('no report yet: a full run', () => {
    expect(compareInputs('raft', undefined, base).rerun).toBe('full');
  });

  test('test files edited, added or removed, and nothing else: an incremental run', () => {
    const freshness = compareInputs('raft', base, edit({ 'grading/suites/raft/election.test.ts': 'a9', 'grading/suites/raft/persistence.test.ts': 'a3', 'grading/suites/raft/model.test.ts': undefined }));
    expect(freshness.rerun).toBe('incremental');
    expect(freshness.changes).toEqual([
      { input: 'grading/suites/raft/election.test.ts', kind: 'tests', change: 'changed' },
      { input: 'grading/suites/raft/model.test.ts', kind: 'tests', change: 'removed' },
      { input: 'grading/suites/raft/persistence.test.ts', kind: 'tests', change: 'added' },
    ]);
  });

  test('a suite helper, the harness, the reference, a tool version or a verdict option: a full run, whatever else changed', () => {
    const cases: Inputs[] = [
      edit({ 'grading/suites/raft/support.ts': 'b2' }),
      edit({ 'harness/sim/new-fault.ts': 'c2' }),
      edit({ 'solutions/raft/raft.ts': 'd2', 'grading/suites/raft/election.test.ts': 'a9' }),
      edit({}, { versions: { ...base.versions, vitest: '4.1.13' } }),
      edit({}, { options: { ...base.options, timeoutMS: 10_000 } }),
    ];
    for (const current of cases) expect(compareInputs('raft', base, current).rerun, JSON.stringify(current)).toBe('full');
  });

  test('each change is named with what it costs', () => {
    const { changes } = compareInputs('raft', base, edit({ 'grading/suites/raft/support.ts': 'b2', 'solutions/raft/raft.ts': 'd2' }));
    expect(describeChanges(changes)).toEqual([
      'grading/suites/raft/support.ts changed (not seen by Stryker)',
      'solutions/raft/raft.ts changed (a mutated file: any of its mutants may change verdict)',
    ]);
  });
});

/** Where an import resolves inside the checkout, or undefined for a package or a Node built-in. */
function resolveImport(slug: string, from: string, spec: string): string | undefined {
  const aliases: Record<string, string> = { '@faultline/harness': 'harness/index.ts', '@faultline/suite': 'harness/suite/index.ts', '@faultline/catalog': 'grading/catalog.ts' };
  let target: string;
  if (aliases[spec] !== undefined) target = aliases[spec];
  else if (spec.startsWith('@impl/')) {
    const [, exercise, ...rest] = spec.split('/');
    target = rest.length === 0 ? `solutions/${exercise}/${exerciseSpec(exercise!).entry}` : `solutions/${exercise}/${rest.join('/')}`;
  } else if (spec.startsWith('.')) target = path.posix.join(path.posix.dirname(from), spec);
  else return undefined;
  for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${JSON.stringify(spec)} (wanted for ${slug}'s mutation run)`);
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** Every file of the checkout that one exercise's mutation run loads, by following imports from its tests and the vitest config. */
function loaded(slug: string): Set<string> {
  const config = fs.readFileSync(path.join(ROOT, 'vitest.config.ts'), 'utf8');
  const setupFiles = [...config.matchAll(/path\.join\(root, '(harness\/[^'*]+\.ts)'\)/g)].map((m) => m[1]!);
  const suite = `grading/suites/${slug}`;
  const tests = fs.readdirSync(path.join(ROOT, suite), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts') && !f.startsWith('broken')).map((f) => `${suite}/${f}`);
  const seen = new Set<string>();
  const queue = ['vitest.config.ts', ...setupFiles, ...tests];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // Doc comments quote imports; only code counts.
    const code = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(IMPORT)) {
      const next = resolveImport(slug, file, (m[1] ?? m[2] ?? m[3])!);
      if (next !== undefined) queue.push(next);
    }
  }
  return seen;
}

describe.each(catalog.map((spec) => spec.slug))('%s: the recorded inputs cover the suite run', (slug) => {
  test('every file its suite run imports is an input, and every input that run imports from solutions/ is its own', () => {
    const files = loaded(slug);
    expect(files.size).toBeGreaterThan(10);
    const missing = [...files].filter((file) => inputKind(slug, file) === undefined);
    expect(missing, `imported by ${slug}'s suite run but not an input of it (grading/mutation/inputs.ts): a change to these would go unnoticed`).toEqual([]);
    for (const file of exerciseSpec(slug).learnerFiles) expect(files, `solutions/${slug}/${file}`).toContain(`solutions/${slug}/${file}`);
  });
});
