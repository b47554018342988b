/**
 * grading/mutation/inputs.ts: which files a mutation run depends on, and what
 * a change to each costs. The last test follows every import of each
 * exercise's suite run through the real tree: a file it reaches that is not an
 * input would be a change no committed report notices.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { catalog, exerciseSpec } from '../catalog';
import { compareInputs, describeChanges, hashText, inputKind, ownShare, readInputs, suiteRunImports, verdictOptions, type Inputs } from '../mutation/inputs';
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

describe.each(catalog.map((spec) => spec.slug))('%s: the recorded inputs cover the suite run', (slug) => {
  test('every file its suite run imports is an input, and every input that run imports from solutions/ is its own', () => {
    const files = suiteRunImports(slug);
    expect(files.size).toBeGreaterThan(10);
    const missing = [...files].filter((file) => inputKind(slug, file) === undefined);
    expect(missing, `imported by ${slug}'s suite run but not an input of it (grading/mutation/inputs.ts): a change to these would go unnoticed`).toEqual([]);
    for (const file of exerciseSpec(slug).learnerFiles) expect(files, `solutions/${slug}/${file}`).toContain(`solutions/${slug}/${file}`);
    const inputs = Object.keys(readInputs(slug).files);
    expect([...files].filter((file) => !inputs.includes(file)), `imported by ${slug}'s suite run but missing from readInputs`).toEqual([]);
  });
});

describe('which harness files a run depends on', () => {
  const root = path.join(os.tmpdir(), `faultline-inputs-${process.pid}`);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('a harness file that no import of the suite run reaches is not an input; one that is reached, even through a re-export, is', () => {
    write('vitest.config.ts', "const setup = [path.join(root, 'harness/suite/setup.ts')];\n");
    write('harness/suite/setup.ts', "export * from '../sim';\n");
    write('harness/sim/index.ts', "export { a } from './used';\n// import { b } from './quoted';\n");
    write('harness/sim/used.ts', 'export const a = 1;\n');
    write('harness/sim/quoted.ts', 'export const b = 2;\n');
    write('harness/storage/unused.ts', 'export const c = 3;\n');
    write('grading/suites/bloom-filter/a.test.ts', "import '../../../harness/suite/setup';\nimport { x } from './helper';\n");
    write('grading/suites/bloom-filter/helper.ts', "export type M = typeof import('./types-only');\nexport const x = 1;\n");
    write('grading/suites/bloom-filter/types-only.ts', 'export {};\n');
    const files = suiteRunImports('bloom-filter', root);
    expect([...files].sort()).toEqual([
      'grading/suites/bloom-filter/a.test.ts',
      'grading/suites/bloom-filter/helper.ts',
      'grading/suites/bloom-filter/types-only.ts',
      'harness/sim/index.ts',
      'harness/sim/used.ts',
      'harness/suite/setup.ts',
      'vitest.config.ts',
    ]);
  });

  test('a dynamic import of a computed name stops the reading: what it loads could not be an input', () => {
    write('grading/suites/bloom-filter/a.test.ts', "const name = './helper';\nawait import(name);\n");
    expect(() => suiteRunImports('bloom-filter', root)).toThrow(/imports a computed name/);
  });
});
