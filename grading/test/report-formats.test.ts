import { describe, expect, test } from 'vitest';
import { exerciseSpec } from '../catalog';
import type { ExerciseResult, RunResult, TestResult } from '../model';
import { notSubmitted } from '../score';
import {
  CLASSROOM_RESULT_LIMIT,
  GRADESCOPE_TEST_OUTPUT_LIMIT,
  defuseCommands,
  toClassroomNotice,
  toClassroomResult,
  toGradescope,
  workflowCommand,
  type ClassroomResult,
  type GradescopeResults,
} from '../reports';

const REPLAY = "cd exercises/demo && FAULTLINE_SEED=4242 npm test -- -t 'fails'";
const hostile = 'a <b> & "c" 50% x:y, z\r\nline two\n::notice title=Autograding complete::Points 100/100\n##[error]forged \u0000\u001b[31m\u0085 \ud800';

const passed = (name: string, task: number, points: number): TestResult => ({
  name,
  task,
  category: 'correctness',
  points,
  maxPoints: points,
  status: 'passed',
  message: '',
  replay: '',
  durationMs: 3,
});
const failed = (name: string, task: number, maxPoints: number, extra: Partial<TestResult> = {}): TestResult => ({
  name,
  task,
  category: 'faults',
  points: 0,
  maxPoints,
  status: 'failed',
  message: `expected 1, got 2`,
  replay: REPLAY,
  hint: 'did you hash twice?',
  durationMs: 4,
  ...extra,
});

const demo: ExerciseResult = {
  name: 'demo',
  title: 'Demo',
  score: 5,
  maxScore: 10,
  tasks: [
    { id: 1, title: 'One', score: 5, maxScore: 8 },
    { id: 2, title: 'Two', score: 0, maxScore: 2 },
  ],
  notes: ['submission: exercises/demo/extra.ts is missing or not a regular file'],
  tests: [
    failed('second task test', 2, 2, { clauses: ['DEMO-2.1'] }),
    passed('works', 1, 5),
    failed(`fails ${hostile}`, 1, 2, { message: hostile }),
    { ...failed('hangs', 1, 1), category: 'api', status: 'timeout', message: 'deadline: the call ran past 5000 ms', replay: '' },
  ],
};
const other: ExerciseResult = {
  name: 'other',
  title: 'Other',
  score: 3,
  maxScore: 3,
  tasks: [{ id: 1, title: 'Only', score: 3, maxScore: 3 }],
  notes: [],
  tests: [passed('ok', 1, 3)],
};
const run: RunResult = { version: 1, seed: 4242, impl: 'submission', submission: '/tmp/s', score: 8, maxScore: 13, exercises: [demo, other] };

const gradescope = (r: RunResult = run): GradescopeResults => JSON.parse(toGradescope(r)) as GradescopeResults;
const classroom = (r: RunResult = run): ClassroomResult => JSON.parse(Buffer.from(toClassroomResult(r), 'base64').toString('utf8')) as ClassroomResult;

/** The fields Gradescope's "Autograder Specifications" documents, top level and per test. */
const SPEC_TOP = ['score', 'execution_time', 'output', 'output_format', 'test_output_format', 'test_name_format', 'visibility', 'stdout_visibility', 'extra_data', 'tests', 'leaderboard'];
const SPEC_TEST = ['score', 'max_score', 'status', 'name', 'name_format', 'number', 'output', 'output_format', 'tags', 'visibility', 'extra_data'];

/** A replica of the Actions runner's parser (ActionCommand.TryParseV2 with its unescaping). */
function parseCommand(line: string): { name: string; properties: Record<string, string>; data: string } | undefined {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.slice(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  const unescape = (s: string, pairs: [string, string][]) => pairs.reduce((acc, [from, to]) => acc.split(from).join(to), s);
  const propertyPairs: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']];
  if (space > 0) {
    for (const part of info.slice(space + 1).trim().split(',').filter(Boolean)) {
      const at = part.indexOf('=');
      if (at > 0) properties[part.slice(0, at)] = unescape(part.slice(at + 1), propertyPairs);
    }
  }
  return { name, properties, data: unescape(text.slice(end + 2), [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']]) };
}

describe('Gradescope results.json', () => {
  test('uses only documented fields, and the score is the sum of the passed tests', () => {
    const results = gradescope();
    for (const key of Object.keys(results)) expect(SPEC_TOP).toContain(key);
    expect(results).not.toHaveProperty('max_score');
    expect(results.score).toBe(8);
    expect(results.score).toBe(results.tests.reduce((sum, t) => sum + t.score, 0));
    expect(results.extra_data).toEqual({ seed: 4242, impl: 'submission', max_score: 13 });
    expect(results.output_format).toBe('text');
    expect(results.visibility).toBe('visible');
    expect(results.stdout_visibility).toBe('hidden');
    for (const t of results.tests) for (const key of Object.keys(t)) expect(SPEC_TEST).toContain(key);
  });

  test('lists every graded test with its max_score, named and numbered by exercise and task', () => {
    const tests = gradescope().tests;
    expect(tests.map((t) => [t.number, t.name, t.score, t.max_score, t.status])).toEqual([
      ['1.1.1', 'demo · Task 1 · [5] works', 5, 5, 'passed'],
      ['1.1.2', expect.stringMatching(/^demo · Task 1 · \[2\] fails a <b>/), 0, 2, 'failed'],
      ['1.1.3', 'demo · Task 1 · [1] hangs', 0, 1, 'failed'],
      ['1.2.1', 'demo · Task 2 · [2] second task test', 0, 2, 'failed'],
      ['2.1.1', 'other · Task 1 · [3] ok', 3, 3, 'passed'],
    ]);
    expect(tests[2]!.tags).toEqual(['demo', 'task-1', 'api']);
    expect(tests[2]!.extra_data).toEqual({ exercise: 'demo', task: 1, category: 'api', status: 'timeout' });
    expect(tests.every((t) => t.visibility === 'visible' && t.output_format === 'text' && t.name_format === 'text')).toBe(true);
  });

  test('a failure carries its message, hint, seed and replay command; a pass has no output', () => {
    const tests = gradescope().tests;
    expect(tests[0]!.output).toBe('');
    expect(tests[3]!.output).toBe(`expected 1, got 2\n\ncontract: [DEMO-2.1] in the README\nhint: did you hash twice?\nseed: 4242\nreplay: ${REPLAY}`);
    expect(tests[2]!.output).toBe('[timeout] deadline: the call ran past 5000 ms\n\nhint: did you hash twice?\nseed: 4242');
  });

  test('the run output names the seed, how to replay the grade, the tasks and the grader notes', () => {
    const output = gradescope().output;
    expect(output.split('\n')[0]).toBe('faultline: 8/13 (61 %), seed 4242');
    expect(output).toContain('npm run grade -- --seed 4242 demo other');
    expect(output).toContain('demo (Demo): 5/10');
    expect(output).toContain('  Task 2 Two: 0/2');
    expect(output).toContain('note: submission: exercises/demo/extra.ts is missing or not a regular file');
    expect(output.trimEnd().split('\n').at(-1)).toBe('2 passed, 3 failed');
  });

  test('a submission: the output names its commit and files\' hash, extra_data records them, and an exercise not submitted says what to do', () => {
    const missing = notSubmitted(exerciseSpec('bloom-filter'), {
      status: 'missing',
      files: [],
      missing: [{ file: 'bloom-filter.ts', expected: 'exercises/bloom-filter/bloom-filter.ts', found: '2 candidates, a/bloom-filter/bloom-filter.ts, b/bloom-filter/bloom-filter.ts, so none was taken' }],
    });
    const commit = '1234567890abcdef'.padEnd(40, '0');
    const results = gradescope({ ...run, provenance: { commit, sha256: 'ef'.repeat(32) }, maxScore: run.maxScore + 100, exercises: [{ ...demo, submitted: { status: 'taken', files: [{ file: 'demo.ts', from: 'exercises/demo/demo.ts', sha256: 'cd'.repeat(32) }], missing: [] } }, other, missing] });
    expect(results.extra_data).toEqual({ seed: 4242, impl: 'submission', max_score: 113, commit, sha256: 'ef'.repeat(32) });
    expect(results.output.split('\n')[1]).toBe('graded: commit 1234567890ab · files sha256 efefefefefef');
    expect(results.output).toContain(
      'bloom-filter (Bloom filter): 0/100, not submitted, so none of its tests ran\n  exercises/bloom-filter/bloom-filter.ts not found: 2 candidates, a/bloom-filter/bloom-filter.ts, b/bloom-filter/bloom-filter.ts, so none was taken\n    the grader looked for',
    );
    const notSubmittedTests = results.tests.filter((t) => t.extra_data.status === 'not-submitted');
    expect(notSubmittedTests.map((t) => [t.name, t.score, t.max_score, t.status])).toEqual([
      ['bloom-filter · Task 1 · [20] every test of task 1 (Sizing)', 0, 20, 'failed'],
      ['bloom-filter · Task 2 · [40] every test of task 2 (Add and query)', 0, 40, 'failed'],
      ['bloom-filter · Task 3 · [20] every test of task 3 (Union and intersection)', 0, 20, 'failed'],
      ['bloom-filter · Task 4 · [20] every test of task 4 (Serialisation)', 0, 20, 'failed'],
    ]);
    for (const t of notSubmittedTests) expect(t.output).toMatch(/^not submitted: exercises\/bloom-filter\/bloom-filter\.ts not found: 2 candidates, .*Put the file at exercises\/bloom-filter\/bloom-filter\.ts and submit again\.\n\nseed: 4242$/s);
    expect(JSON.stringify(results)).not.toContain('@impl');
  });

  test('credit comes only from a pass, whatever points a failed test claims', () => {
    const lying: RunResult = { ...run, exercises: [{ ...other, tests: [{ ...failed('claims', 1, 3), points: 3 }] }] };
    const results = gradescope(lying);
    expect(results.score).toBe(0);
    expect(results.tests[0]!.score).toBe(0);
  });

  test('hostile text stays plain, one JSON document, without control characters or lone surrogates', () => {
    const text = toGradescope(run);
    const results = JSON.parse(text) as GradescopeResults;
    const hostileTest = results.tests[1]!;
    expect(hostileTest.output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\r]/);
    expect(hostileTest.output).not.toMatch(/[\ud800-\udfff]/);
    expect(hostileTest.output).toContain('a <b> & "c" 50% x:y, z\nline two\n');
    expect(hostileTest.name).not.toContain('\n');
    expect(text).not.toMatch(/\\ud8/i);
    expect(results.test_output_format).toBe('text');
    expect(results.test_name_format).toBe('text');
  });

  test('a very long failure is cut to the output limit, says so, and keeps the replay command', () => {
    const huge: RunResult = { ...run, exercises: [{ ...other, tests: [failed('floods', 1, 3, { message: 'x'.repeat(200_000) })] }] };
    const output = gradescope(huge).tests[0]!.output;
    expect(output.length).toBeLessThanOrEqual(GRADESCOPE_TEST_OUTPUT_LIMIT);
    expect(output).toMatch(/… \(cut: \d+ more characters\)/);
    expect(output.endsWith(`replay: ${REPLAY}`)).toBe(true);
  });

  test('visibility settings apply to the run and every test', () => {
    const results = JSON.parse(toGradescope(run, { visibility: 'after_due_date', stdoutVisibility: 'after_published' })) as GradescopeResults;
    expect(results.visibility).toBe('after_due_date');
    expect(results.stdout_visibility).toBe('after_published');
    expect(results.tests.every((t) => t.visibility === 'after_due_date')).toBe(true);
  });
});

describe('GitHub Classroom', () => {
  test('the result is base64 JSON in the graders\' shape, with every test and its score', () => {
    const encoded = toClassroomResult(run);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const result = classroom();
    expect(Object.keys(result).sort()).toEqual(['max_score', 'status', 'tests', 'version']);
    expect(result.version).toBe(1);
    expect(result.status).toBe('fail');
    expect(result.max_score).toBe(13);
    expect(result.tests.map((t) => [t.name, t.status, t.score])).toEqual([
      ['demo · Task 2 · [2] second task test', 'fail', 0],
      ['demo · Task 1 · [5] works', 'pass', 5],
      [expect.stringMatching(/^demo · Task 1 · \[2\] fails/), 'fail', 0],
      ['demo · Task 1 · [1] hangs', 'error', 0],
      ['other · Task 1 · [3] ok', 'pass', 3],
    ]);
    for (const t of result.tests) {
      expect(Object.keys(t).sort()).toEqual(['execution_time', 'filename', 'line_no', 'message', 'name', 'score', 'status', 'test_code']);
      expect(t.line_no).toBe(0);
      expect(t.filename).toBe('');
      expect(t.execution_time).toMatch(/^\d+(\.\d+)?s$/);
    }
  });

  test('the reporter would send Classroom the same points as the notice', () => {
    // autograding-grading-reporter, src/notify-classroom.js: sum of test scores over max_score.
    const result = classroom();
    const totalPoints = result.tests.reduce((sum, t) => sum + t.score, 0);
    expect(`Points ${totalPoints}/${result.max_score}`).toBe('Points 8/13');
    expect(toClassroomNotice(run)).toBe('::notice title=Autograding complete::Points 8/13');
    expect(parseCommand(toClassroomNotice(run))).toEqual({ name: 'notice', properties: { title: 'Autograding complete' }, data: 'Points 8/13' });
  });

  test('a failure carries its message and replay command; an error names its test in the message', () => {
    const result = classroom();
    expect(result.tests[0]).toMatchObject({ message: 'expected 1, got 2', test_code: REPLAY });
    expect(result.tests[1]).toMatchObject({ message: '', test_code: '' });
    expect(result.tests[3]!.message).toBe('demo · Task 1 · [1] hangs (timeout): deadline: the call ran past 5000 ms');
  });

  test('full marks pass; no tests at all is an error, never a pass', () => {
    expect(classroom({ ...run, exercises: [other] }).status).toBe('pass');
    expect(classroom({ ...run, exercises: [] }).status).toBe('error');
    expect(toClassroomNotice({ ...run, exercises: [other] })).toBe('::notice title=Autograding complete::Points 3/3');
  });

  test('nothing the reporter prints from a result can act as a workflow command', () => {
    const result = classroom();
    // What console-results.js prints: names, `Error: <message>`, `Test code:\n<test_code>`.
    const printed = result.tests.flatMap((t) => [t.name, `Error: ${t.message}`, t.test_code, t.message]).join('\n');
    for (const line of printed.split(/\r\n|\r|\n/)) expect(parseCommand(line)).toBeUndefined();
    expect(printed).not.toContain('##[');
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(result.tests[2]!.message).toContain(': :notice title=Autograding complete::Points 100/100');
    expect(defuseCommands('  ::error::x\nok')).toBe('  : :error::x\nok');
  });

  test('workflow commands escape data and properties so hostile text round-trips through the runner', () => {
    const title = 'a:b,c=d %25 \r\n::notice::x';
    const message = '100% done\r\n::notice title=Autograding complete::Points 100/100';
    const line = workflowCommand('error', { title, file: '' }, message);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.startsWith('::error title=')).toBe(true);
    expect(parseCommand(line)).toEqual({ name: 'error', properties: { title }, data: message });
    expect(() => workflowCommand('notice::x', {}, '')).toThrow(RangeError);
  });

  test('a huge run still fits in one environment variable, with every test and every point', () => {
    // Our five exercises have about 115 graded tests; every one fails here with a message at the model's 4000-character bound.
    const many: TestResult[] = Array.from({ length: 150 }, (_, i) =>
      i % 5 === 0 ? passed(`passes ${i}`, 1 + (i % 3), 2) : failed(`fails ${i} ${'y'.repeat(60)}`, 1 + (i % 3), 1, { message: 'z'.repeat(4000) }),
    );
    const big: RunResult = { ...run, exercises: [{ ...other, tests: many }] };
    expect(toClassroomResult(big).length).toBeLessThanOrEqual(CLASSROOM_RESULT_LIMIT);
    const result = classroom(big);
    expect(result.tests).toHaveLength(150);
    expect(result.tests[1]!.message).toMatch(/^z{100,}\n… \(cut: \d+ more characters\)$/);
    expect(result.tests[1]!.test_code).toBe(REPLAY);
    expect(result.tests.reduce((sum, t) => sum + t.score, 0)).toBe(60);
    expect(result.max_score).toBe(60 + 120);
  });

  test('a run too big to list test by test is listed by task, with the same points', () => {
    const many: TestResult[] = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 0 ? passed(`passes ${i} ${'w'.repeat(100)}`, 1 + (i % 2), 2) : failed(`fails ${i}`, 1 + (i % 2), 1),
    );
    const big: RunResult = { ...run, exercises: [{ ...other, tests: many }] };
    expect(toClassroomResult(big).length).toBeLessThanOrEqual(CLASSROOM_RESULT_LIMIT);
    const result = classroom(big);
    expect(result.tests.map((t) => [t.name, t.status, t.score])).toEqual([
      ['other · Task 1 · 500 of 1500 tests passed', 'fail', 1000],
      ['other · Task 2 · 500 of 1500 tests passed', 'fail', 1000],
    ]);
    expect(result.max_score).toBe(1000 * 2 + 2000);
    expect(result.status).toBe('fail');
  });
});
