/**
 * JUnit XML, as CI systems read it: one <testsuite> per exercise, one
 * <testcase> per graded test. A failed test, or a task not submitted, is a
 * <failure>; a timeout or a test with no result is an <error>. Scores go in
 * <properties>, and for a submission its commit, its files' combined hash and,
 * per exercise, whether its files were `taken` or `missing`.
 */
import type { RunResult, TaskHint, TestResult } from '../model';
import { hintLine } from '../hints';

/** Escapes text for XML, dropping characters XML 1.0 cannot carry at all. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

function testcase(exercise: string, test: TestResult, taskHint: TaskHint | undefined): string {
  const open = `    <testcase classname="${xmlEscape(`${exercise}.task${test.task}`)}" name="${xmlEscape(`[${test.maxPoints}] ${test.name}`)}" time="${seconds(test.durationMs)}"`;
  if (test.status === 'passed') return `${open}/>`;
  const staged = taskHint ? hintLine(test.task, taskHint) : '';
  const body = xmlEscape([test.message, test.clauses?.length ? `contract: ${test.clauses.map((id) => `[${id}]`).join(' ')} in the README` : '', test.hint ? `hint: ${test.hint}` : '', staged, test.replay ? `replay: ${test.replay}` : ''].filter(Boolean).join('\n'));
  const firstLine = xmlEscape(test.message.split('\n')[0] ?? '');
  const element = test.status === 'failed' || test.status === 'not-submitted' ? 'failure' : 'error';
  return `${open}>\n      <${element} message="${firstLine}" type="${test.status}">${body}</${element}>\n    </testcase>`;
}

export function toJunit(run: RunResult): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = run.exercises.flatMap((e) => e.tests);
  const count = (status: TestResult['status'][]) => all.filter((t) => status.includes(t.status)).length;
  const totalTime = all.reduce((sum, t) => sum + (t.durationMs ?? 0), 0);
  lines.push(`<testsuites name="faultline" tests="${all.length}" failures="${count(['failed', 'not-submitted'])}" errors="${count(['timeout', 'error'])}" time="${seconds(totalTime)}">`);
  for (const exercise of run.exercises) {
    const tests = exercise.tests;
    const failures = tests.filter((t) => t.status === 'failed' || t.status === 'not-submitted').length;
    const errors = tests.filter((t) => t.status === 'timeout' || t.status === 'error').length;
    const time = tests.reduce((sum, t) => sum + (t.durationMs ?? 0), 0);
    lines.push(`  <testsuite name="${xmlEscape(exercise.name)}" tests="${tests.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(time)}">`);
    lines.push('    <properties>');
    const provenance: [string, string][] =
      run.provenance === undefined
        ? []
        : [
            ['commit', run.provenance.commit ?? run.provenance.commitNote ?? 'not a git checkout'],
            ...(run.provenance.uncommitted?.length ? [['uncommitted', run.provenance.uncommitted.join(' ')] as [string, string]] : []),
            ['sha256', run.provenance.sha256],
          ];
    for (const [name, value] of [
      ['seed', String(run.seed)],
      ['score', String(exercise.score)],
      ['maxScore', String(exercise.maxScore)],
      ...provenance,
      ...(exercise.submitted === undefined ? [] : [['submitted', exercise.submitted.status] as [string, string]]),
    ]) {
      lines.push(`      <property name="${xmlEscape(name!)}" value="${xmlEscape(value!)}"/>`);
    }
    lines.push('    </properties>');
    for (const test of tests) lines.push(testcase(exercise.name, test, exercise.tasks.find((t) => t.id === test.task)?.hint));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
