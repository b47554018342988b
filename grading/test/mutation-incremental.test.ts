/**
 * grading/mutation/incremental.ts: the committed incremental report. It must
 * be the same file for the same verdicts, whatever order Stryker wrote them
 * in; hand Stryker back exactly the verdicts it may reuse; and a verdict read
 * from it must be judged exactly as the run that made it.
 */
import { describe, expect, test } from 'vitest';
import { fromStryker, reusedCount, REUSED, serialise, toStryker, withSources, type StrykerIncrementalReport } from '../mutation/incremental';
import { verdictOptions, type Inputs } from '../mutation/inputs';
import { summarise, type EquivalentMutant } from '../mutation/report';

const source = ['export function f(a: number, b: number): number {', '  if (a < b) return a;', "  throw new RangeError('b too small');", '}'].join('\n');
const at = (line: number, from: number, to: number) => ({ start: { line, column: from }, end: { line, column: to } });
const LESS = at(2, 7, 12); // a < b
const MESSAGE = at(3, 24, 37); // 'b too small'
const DEMO = 'solutions/demo/demo.ts';
const UNIT = 'grading/suites/demo/unit.test.ts';
const MODEL = 'grading/suites/demo/model.test.ts';

const inputs: Inputs = {
  options: { ...verdictOptions('raft'), mutate: [DEMO] },
  versions: { vitest: '4.1.12' },
  files: { [DEMO]: 'd1', [UNIT]: 'u1', [MODEL]: 'm1', 'grading/suites/demo/support.ts': 's1' },
};

/** What Stryker writes: test ids in its own order, mutants in any order, long reasons, coverage for every mutant. */
const written: StrykerIncrementalReport = {
  schemaVersion: '1.0',
  files: {
    [DEMO]: {
      language: 'typescript',
      source,
      mutants: [
        { id: '4', mutatorName: 'StringLiteral', replacement: '""', location: MESSAGE, status: 'Survived', static: false, testsCompleted: 2, coveredBy: ['7', '3'] },
        { id: '1', mutatorName: 'EqualityOperator', replacement: 'a <= b', location: LESS, status: 'Killed', statusReason: 'expected 1 to be 2\n\ncounterexample: [1, 1]\nseed: 1', testsCompleted: 1, killedBy: ['7'], coveredBy: ['3', '7'] },
        { id: '2', mutatorName: 'ConditionalExpression', replacement: 'true', location: LESS, status: 'Killed', statusReason: 'deadline: the code under test ran for more than 20000 ms without returning.\nLook for a loop', testsCompleted: 1, killedBy: ['3'], coveredBy: ['3'] },
        { id: '3', mutatorName: 'ConditionalExpression', replacement: 'false', location: LESS, status: 'Timeout', statusReason: 'Hit limit reached (11/10)', static: true, coveredBy: [] },
        { id: '5', mutatorName: 'BlockStatement', replacement: '{}', location: at(1, 50, 4), status: 'NoCoverage', static: false, coveredBy: [] },
      ],
    },
  },
  testFiles: {
    [UNIT]: { source: 'test("b")', tests: [{ id: '7', name: 'f returns the smaller' }, { id: '3', name: 'f checks its arguments' }] },
    [MODEL]: { source: 'test("c")', tests: [{ id: '0', name: 'f against a model' }] },
  },
};

describe('the committed report', () => {
  const committed = fromStryker('demo', written, inputs);

  test('numbers the tests by file, then name, and keeps for each mutant only the tests Stryker consults to reuse its verdict', () => {
    expect(committed.testFiles).toEqual({
      [MODEL]: { tests: [{ id: '0', name: 'f against a model' }] },
      [UNIT]: { tests: [{ id: '1', name: 'f checks its arguments' }, { id: '2', name: 'f returns the smaller' }] },
    });
    const mutants = committed.files[DEMO]!.mutants;
    expect(mutants.map((m) => m.id)).toEqual(['5', '3', '2', '1', '4']);
    expect(mutants.find((m) => m.id === '1')).toEqual({
      id: '1',
      mutatorName: 'EqualityOperator',
      replacement: 'a <= b',
      location: LESS,
      status: 'Killed',
      statusReason: 'expected 1 to be 2',
      killedBy: ['2'],
    });
    expect(mutants.find((m) => m.id === '4')).toMatchObject({ status: 'Survived', coveredBy: ['1', '2'] });
    expect(mutants.find((m) => m.id === '4')).not.toHaveProperty('static');
    expect(mutants.find((m) => m.id === '3')).toMatchObject({ static: true, coveredBy: [] });
  });

  test('is the same file whatever order Stryker wrote its tests and mutants in', () => {
    const shuffled: StrykerIncrementalReport = {
      files: { [DEMO]: { source, mutants: [...written.files[DEMO]!.mutants].reverse() } },
      testFiles: Object.fromEntries(Object.entries(written.testFiles!).reverse().map(([file, t]) => [file, { ...t, tests: [...t.tests].reverse() }])),
    };
    expect(serialise(fromStryker('demo', shuffled, inputs))).toBe(serialise(committed));
  });

  test('is JSON with one verdict a line', () => {
    const text = serialise(committed);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(committed)));
    const lines = text.split('\n');
    for (const id of ['1', '2', '3', '4', '5']) expect(lines.filter((l) => l.trimStart().startsWith(`{"id":"${id}","mutatorName"`))).toHaveLength(1);
  });

  test('a verdict read back from it is judged exactly as the run that wrote it: score, timeouts, survivors, allow-list', () => {
    const allow: EquivalentMutant[] = [{ file: 'demo.ts', line: 3, mutator: 'StringLiteral', original: "'b too small'", replacement: '""', reason: 'the message is free' }];
    const direct = summarise('demo', written, allow, 1);
    const readBack = summarise('demo', withSources(committed, () => source), allow, 1);
    expect(readBack).toEqual(direct);
    expect(direct).toMatchObject({ mutants: 5, killed: 1, timeout: 2, survived: 1, equivalent: 1, problems: [] });
  });
});

describe('the report Stryker reads before an incremental run', () => {
  const committed = fromStryker('demo', written, inputs);
  const sourceOf = (file: string) => (file === DEMO ? source : '');

  test('nothing changed: every verdict and every test, marked reused, with the sources of today', () => {
    const input = toStryker(committed, inputs, sourceOf);
    expect(input.files[DEMO]!.source).toBe(source);
    expect(input.files[DEMO]!.mutants).toHaveLength(5);
    expect(input.files[DEMO]!.mutants.every((m) => m.testsCompleted === REUSED)).toBe(true);
    expect(Object.keys(input.testFiles!).sort()).toEqual([MODEL, UNIT]);
    // No source for a test file: its hash stood for it, and Stryker then matches its tests by name.
    expect(Object.values(input.testFiles!).every((t) => t.source === undefined)).toBe(true);
  });

  test('a changed test file is left out, so Stryker counts its tests as new; a static mutant that was not killed runs again', () => {
    const input = toStryker(committed, { ...inputs, files: { ...inputs.files, [UNIT]: 'u2' } }, sourceOf);
    expect(Object.keys(input.testFiles!)).toEqual([MODEL]);
    expect(input.files[DEMO]!.mutants.map((m) => m.id)).toEqual(['5', '2', '1', '4']);
  });

  test('a test file added or removed also reruns the static mutants that were not killed', () => {
    const added = toStryker(committed, { ...inputs, files: { ...inputs.files, 'grading/suites/demo/new.test.ts': 'n1' } }, sourceOf);
    expect(added.files[DEMO]!.mutants.map((m) => m.id)).not.toContain('3');
    const { [MODEL]: _gone, ...rest } = inputs.files;
    const removed = toStryker(committed, { ...inputs, files: rest }, sourceOf);
    expect(Object.keys(removed.testFiles!)).toEqual([UNIT]);
    expect(removed.files[DEMO]!.mutants.map((m) => m.id)).not.toContain('3');
  });

  test('the report Stryker writes back tells the reused verdicts from the ones it ran', () => {
    const input = toStryker(committed, inputs, sourceOf);
    const after: StrykerIncrementalReport = {
      files: { [DEMO]: { source, mutants: input.files[DEMO]!.mutants.map((m) => (m.id === '4' ? { ...m, status: 'Killed', testsCompleted: 1, killedBy: ['0'] } : m)) } },
    };
    expect(reusedCount(after)).toBe(4);
  });
});
