import { describe, expect, test } from 'vitest';
import { exerciseSpec } from '../catalog';
import type { RunResult } from '../model';
import { notSubmitted } from '../score';
import { renderExercise, renderRun, toJson, toJunit, toMarkdown, xmlEscape } from '../reports';
import { LOAD_FAILURE, loadFailureOf } from '../reports/terminal';

const hostile = 'a <b> & "c" \'d\' \u0000\u001b[31m ``` | pipe';
const run: RunResult = {
  version: 1,
  seed: 7,
  impl: 'exercises',
  score: 5,
  maxScore: 8,
  exercises: [
    {
      name: 'demo',
      title: 'Demo',
      score: 5,
      maxScore: 8,
      tasks: [{ id: 1, title: 'One', score: 5, maxScore: 8 }],
      notes: [],
      tests: [
        { name: 'works', task: 1, category: 'correctness', points: 5, maxPoints: 5, status: 'passed', message: '', replay: '', durationMs: 3 },
        { name: `fails ${hostile}`, task: 1, category: 'faults', points: 0, maxPoints: 2, status: 'failed', message: hostile, replay: 'cd exercises/demo && npm test', clauses: ['DEMO-1.2', 'DEMO-0.1'], durationMs: 4 },
        { name: 'hangs', task: 1, category: 'api', points: 0, maxPoints: 1, status: 'timeout', message: 'deadline: …', replay: '' },
      ],
    },
  ],
};

describe('reports', () => {
  test('JSON is format version 1 and round-trips the model', () => {
    expect(JSON.parse(toJson(run))).toEqual(run);
  });

  test('the terminal report ends with the plain "N passed, M failed" line', () => {
    const lines = renderRun(run).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('1 passed, 2 failed');
    expect(renderRun(run)).toContain('replay: cd exercises/demo && npm test');
  });

  test('every report shows a failure beside the README clauses it checks, so a learner can find them', () => {
    const line = '[DEMO-1.2] [DEMO-0.1] in the README';
    expect(renderRun(run)).toContain(`contract: ${line}`);
    expect(toMarkdown(run)).toContain(`contract: ${line}`);
    expect(toJunit(run)).toContain(`contract: ${line}`);
    // a passed test shows no clause line
    expect(renderRun(run).match(/contract: /g)).toHaveLength(1);
  });

  test('JUnit counts failures and errors and escapes everything a learner can write', () => {
    const xml = toJunit(run);
    expect(xml).toContain('<testsuites name="faultline" tests="3" failures="1" errors="1"');
    expect(xml).toContain('<property name="seed" value="7"/>');
    expect(xml).not.toMatch(/[\u0000\u001b]/);
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toMatch(/<error message="deadline: …" type="timeout">/);
  });

  test('xmlEscape drops characters XML 1.0 cannot hold', () => {
    expect(xmlEscape('\u0001ok\u0008')).toBe('\ufffdok\ufffd');
  });

  test('Markdown shows the score and cannot be broken out of by a message', () => {
    const md = toMarkdown(run);
    expect(md.startsWith('## faultline: 5/8 (62 %)')).toBe(true);
    expect(md).toContain('````text');
    const bullet = md.split('\n').find((line) => line.startsWith('- **'))!;
    expect(bullet).toContain('&lt;b&gt;');
    expect(bullet).toContain('\\|');
    expect(md).not.toMatch(/[\u0000\u001b]/);
    expect(md.trimEnd().split('\n').at(-1)).toBe('1 passed, 2 failed');
  });
});

describe('the terminal report fits a screen', () => {
  const failing = (task: number, i: number, message: string): RunResult['exercises'][number]['tests'][number] => ({
    name: `task ${task} test ${i}`, task, category: 'correctness', points: 0, maxPoints: 1, status: 'failed', message, replay: `FAULTLINE_SEED=1 npm test -- -t 'task ${task} test ${i}'`, clauses: ['DEMO-1.1'],
  });
  const long = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n');
  const exercise: RunResult['exercises'][number] = {
    name: 'demo', title: 'Demo', score: 1, maxScore: 23, notes: [],
    tasks: [
      { id: 1, title: 'One', score: 1, maxScore: 12 },
      { id: 2, title: 'Two', score: 0, maxScore: 11 },
      { id: 3, title: 'Filtered out', score: 0, maxScore: 0 },
    ],
    tests: [
      { name: 'passes', task: 1, category: 'api', points: 1, maxPoints: 1, status: 'passed', message: '', replay: '' },
      ...Array.from({ length: 11 }, (_, i) => failing(1, i, `${i === 0 ? long : `why ${i}`}`)),
      ...Array.from({ length: 11 }, (_, i) => failing(2, i, `not implemented: two(${i})`)),
    ],
  };
  const text = renderExercise(exercise);

  test('a task’s first failure in full (bounded), six more in a line each, then how many are left; a task not started in one line', () => {
    expect(text).toContain('task 1 test 0 (task 1, correctness, failed)');
    expect(text).toContain('line 14\n');
    expect(text).not.toContain('line 15\n');
    expect(text).toContain('(26 more lines: FAULTLINE_VERBOSE=1 shows them)');
    expect(text).toContain("replay: FAULTLINE_SEED=1 npm test -- -t 'task 1 test 0'");
    expect(text).toContain('  ✗ [1] task 1 test 1 — why 1');
    expect(text).toContain('  ✗ [1] task 1 test 6 — why 6');
    expect(text).not.toContain('task 1 test 7');
    expect(text).toContain('… and 4 more (FAULTLINE_VERBOSE=1 lists every failure in full)');
    expect(text).toContain('Task 2 · Two: not started (11 tests; the first says not implemented: two(0))');
    expect(text).not.toContain('task 2 test 1');
    expect(text.match(/contract: /g)).toHaveLength(1);
  });

  test('the score table comes last, and leaves out a task a filtered run did not reach', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-3)).toMatch(/^demo — Demo\s+1\/23/);
    expect(lines.at(-2)).toMatch(/^ {2}Task 1 {2}One/);
    expect(lines.at(-1)).toMatch(/^ {2}Task 2 {2}Two/);
    expect(text).not.toContain('Filtered out');
  });

  test('in full, every failure is shown whole', () => {
    const full = renderExercise(exercise, undefined, 'full');
    for (let i = 0; i < 11; i++) expect(full).toContain(`task 1 test ${i} (task 1`);
    expect(full).toContain('line 40');
  });

  test('code that did not load is said once, with the file, line and column, wherever the grader staged it', () => {
    const frame = 'Transform failed with 1 error:\n\n[PARSE_ERROR] Unexpected token\n    ╭─[ .faultline/staging/0b1c/demo/demo.ts:51:35 ]\n 51 │   x(( ;\n────╯';
    const unloaded = { ...exercise, tests: exercise.tests.map((t) => (t.status === 'passed' ? t : { ...t, message: `${LOAD_FAILURE}${frame}` })) };
    const shown = renderExercise(unloaded);
    expect(shown.match(/PARSE_ERROR/g)).toHaveLength(1);
    expect(shown).toContain('your code did not load, so none of its 22 graded tests could run');
    expect(shown).toContain('  at exercises/demo/demo.ts:51:35');
    expect(loadFailureOf(exercise)).toBeUndefined();
  });
});

describe('a submission: what was graded, and an exercise not submitted', () => {
  const bloom = exerciseSpec('bloom-filter');
  const missing = notSubmitted(bloom, {
    status: 'missing',
    files: [],
    missing: [{ file: 'bloom-filter.ts', expected: 'exercises/bloom-filter/bloom-filter.ts', found: 'exercises/bloom-filter/bloom-filter.ts is a directory where the file should be' }],
  });
  const commit = 'c0ffee'.padEnd(40, '0');
  const submitted: RunResult = {
    ...run,
    impl: 'submission',
    submission: '/subs/alice',
    provenance: { commit, uncommitted: ['x/demo.ts\u001b[31m'], sha256: 'ab'.repeat(32) },
    score: run.score,
    maxScore: run.maxScore + missing.maxScore,
    exercises: [{ ...run.exercises[0]!, submitted: { status: 'taken', files: [{ file: 'demo.ts', from: 'x/demo.ts', sha256: 'cd'.repeat(32) }], missing: [] } }, missing],
  };

  test('the terminal header names the commit, the uncommitted files and the files\' hash; an ordinary run\'s header is as it was', () => {
    const header = renderRun(submitted).split('\n')[0]!;
    expect(header).toBe(`faultline · grading submission /subs/alice · commit c0ffee000000 with uncommitted changes to x/demo.ts\ufffd[31m · files sha256 abababababab · seed 7`);
    expect(renderRun({ ...submitted, provenance: { commit: null, commitNote: 'not a git checkout', sha256: 'ab'.repeat(32) } }).split('\n')[0]).toContain('· not a git checkout · files sha256 abababababab ·');
    expect(renderRun(run).split('\n')[0]).toBe('faultline · grading your code (exercises/) · seed 7');
  });

  test('an exercise not submitted: one "not submitted" entry per task in every report, what was there instead, where to put the file, and no internal name', () => {
    const terminal = renderRun(submitted);
    expect(terminal).toContain('bloom-filter: not submitted, so none of its tests ran:\n  ✗ exercises/bloom-filter/bloom-filter.ts not found: exercises/bloom-filter/bloom-filter.ts is a directory where the file should be\n      the grader looked for exercises/bloom-filter/bloom-filter.ts, bloom-filter/bloom-filter.ts, bloom-filter.ts, then any bloom-filter.ts up to 8 folders deep');
    expect(terminal).toContain('      put the file at exercises/bloom-filter/bloom-filter.ts and submit again');
    expect(terminal.trimEnd().split('\n').at(-1)).toBe('1 passed, 6 failed');
    const xml = toJunit(submitted);
    expect(xml).toContain('<testsuites name="faultline" tests="7" failures="5" errors="1"');
    expect(xml.match(/<failure message="not submitted: exercises\/bloom-filter\/bloom-filter\.ts not found: [^"]*" type="not-submitted">/g)).toHaveLength(4);
    expect(xml).toContain(`<property name="commit" value="${commit}"/>`);
    expect(xml).toContain(`<property name="sha256" value="${'ab'.repeat(32)}"/>`);
    expect(xml).toContain('<property name="submitted" value="missing"/>');
    expect(xml).toContain('<property name="submitted" value="taken"/>');
    const md = toMarkdown(submitted);
    expect(md).toContain(`Graded submission \`/subs/alice\` at commit \`${commit}\` with uncommitted changes to \`x/demo.ts\ufffd[31m\`, files sha256 \`${'ab'.repeat(32)}\`, with seed \`7\`.`);
    expect(md).toContain('### Bloom filter (`bloom-filter`): 0/100\n\n**Not submitted**, so none of its tests ran:\n\n- `exercises/bloom-filter/bloom-filter.ts` not found: exercises/bloom-filter/bloom-filter.ts is a directory where the file should be.');
    expect(JSON.parse(toJson(submitted))).toEqual(submitted);
    for (const text of [terminal, xml, md, toJson(submitted)]) expect(text).not.toContain('@impl');
  });
});
