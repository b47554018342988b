/** Where a learner stands on one exercise, for `npm run progress` (grading/progress.ts). */
import { isNotImplemented, type ExerciseResult } from './model';

/** Not started, in progress or full marks, in a word or two. */
export function standing(result: ExerciseResult): string {
  if (result.score === result.maxScore) return 'full marks';
  if (result.tests.every(isNotImplemented)) return 'not started';
  const short = result.tasks.filter((t) => t.score < t.maxScore).map((t) => t.id);
  return `in progress: task${short.length === 1 ? '' : 's'} ${short.join(', ')} to finish`;
}
