import { describe, expect, test } from 'vitest';
import { exerciseSpec } from '../catalog';
import { scoreExercise, type Outcome } from '../score';
import { standing } from '../standing';
import type { GradedMeta } from '../../harness/suite';

const spec = exerciseSpec('bloom-filter');
const tests: GradedMeta[] = spec.tasks.map((task) => ({ exercise: spec.slug, task: task.id, category: 'correctness', points: task.points, name: `task ${task.id}` }));
const result = (outcome: (name: string) => Outcome) => scoreExercise(spec, tests, new Map(tests.map((t) => [t.name, outcome(t.name)])));

describe('progress', () => {
  test('an exercise whose every test still says "not implemented" is not started', () => {
    expect(standing(result(() => ({ status: 'failed', message: 'not implemented: optimalParameters' })))).toBe('not started');
  });

  test('an exercise with some tests passing, or failing for another reason, is in progress, naming the tasks short of full marks', () => {
    expect(standing(result((name) => (name === 'task 1' ? { status: 'passed', message: '' } : { status: 'failed', message: 'not implemented: add' })))).toBe('in progress: tasks 2, 3, 4 to finish');
    expect(standing(result((name) => (name === 'task 3' ? { status: 'failed', message: 'expected true' } : { status: 'passed', message: '' })))).toBe('in progress: task 3 to finish');
  });

  test('an exercise at its maximum is at full marks', () => {
    expect(standing(result(() => ({ status: 'passed', message: '' })))).toBe('full marks');
  });
});
