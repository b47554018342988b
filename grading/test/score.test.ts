import { describe, expect, test } from 'vitest';
import type { GradedMeta } from '../../harness/suite';
import type { ExerciseSpec } from '../catalog';
import { scoreExercise, splitFailure, type Outcome } from '../score';

const spec: ExerciseSpec = {
  slug: 'demo',
  title: 'Demo',
  summary: '',
  entry: 'demo.ts',
  learnerFiles: ['demo.ts'],
  providedFiles: [],
  clausePrefix: 'DEMO',
  tasks: [
    { id: 1, title: 'One', points: 10 },
    { id: 2, title: 'Two', points: 5 },
  ],
};
const meta = (name: string, task: number, points: number): GradedMeta => ({ exercise: 'demo', task, points, name, category: 'correctness' });

describe('scoreExercise', () => {
  test('only passed tests earn points; failed, timed-out and errored ones earn none', () => {
    const tests = [meta('a', 1, 4), meta('b', 1, 3), meta('c', 1, 3), meta('d', 2, 5)];
    const outcomes = new Map<string, Outcome>([
      ['a', { status: 'passed', message: '' }],
      ['b', { status: 'failed', message: 'no' }],
      ['c', { status: 'timeout', message: 'slow' }],
      ['d', { status: 'error', message: 'crash' }],
    ]);
    const result = scoreExercise(spec, tests, outcomes);
    expect(result.score).toBe(4);
    expect(result.maxScore).toBe(15);
    expect(result.tasks.map((t) => [t.score, t.maxScore])).toEqual([
      [4, 10],
      [0, 5],
    ]);
  });

  test('a test with no reported outcome is an error worth 0', () => {
    const result = scoreExercise(spec, [meta('a', 1, 10), meta('d', 2, 5)], new Map([['d', { status: 'passed', message: '' }]]));
    expect(result.tests.find((t) => t.name === 'a')).toMatchObject({ status: 'error', points: 0, maxPoints: 10 });
    expect(result.score).toBe(5);
  });

  test('a task whose tests were never collected still counts towards the maximum', () => {
    const result = scoreExercise(spec, [meta('d', 2, 5)], new Map([['d', { status: 'passed', message: '' }]]));
    expect(result.maxScore).toBe(15);
    expect(result.score).toBe(5);
    expect(result.tests.find((t) => t.task === 1)).toMatchObject({ status: 'error', points: 0, maxPoints: 10 });
    expect(result.tests.find((t) => t.task === 1)?.message).toMatch(/^no test of this task was collected: a suite file failed to load/);
  });

  test('a task whose collected tests fall short of the catalog lists the missing points, and says by how much', () => {
    const result = scoreExercise(spec, [meta('a', 1, 4), meta('d', 2, 5)], new Map([['a', { status: 'passed', message: '' }]]));
    expect(result.maxScore).toBe(15);
    expect(result.tests.find((t) => t.task === 1 && t.name !== 'a')).toMatchObject({ status: 'error', points: 0, maxPoints: 6 });
    expect(result.tests.find((t) => t.task === 1 && t.name !== 'a')?.message).toMatch(/^the tests collected for this task add up to 4 of its 10 points/);
  });

  test('a partial run (tests filtered out) charges nothing for the tests that did not run', () => {
    const result = scoreExercise(spec, [meta('d', 2, 5)], new Map([['d', { status: 'passed', message: '' }]]), [], false);
    expect(result.maxScore).toBe(5);
  });

  test('suite points above the catalog are noted, not hidden', () => {
    const result = scoreExercise(spec, [meta('a', 1, 12), meta('d', 2, 5)], new Map());
    expect(result.notes.join()).toContain('add up to 12 points, but the catalog gives the task 10');
  });

  test('the seed and replay lines are split off a failure message', () => {
    expect(splitFailure('it broke\n\nseed: 1 (this test\'s seed 99)\nreplay: cd x && npm test')).toEqual({ message: 'it broke', replay: 'cd x && npm test' });
    expect(splitFailure('plain')).toEqual({ message: 'plain', replay: '' });
  });
});
