import { describe, expect, test } from 'vitest';
import type { RunResult } from '../model';
import { renderRun, toJson, toJunit, toMarkdown, xmlEscape } from '../reports';

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
