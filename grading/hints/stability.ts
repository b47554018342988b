/**
 * Staged hints for stability patterns (grading/hints/types.ts says how they are used).
 * TODO(draft) two to four stages per task, from a nudge to nearly the answer.
 */
import type { ExerciseHints } from './types';

export const hints: ExerciseHints = {
  1: [
    {
      text: 'TODO(draft) the nudge: which idea of the README should the learner look at again? Ask it as a question.',
      readme: '1. TODO(draft) name this task — 100 points',
    },
    {
      text: 'TODO(draft) nearly the answer: what the code must do, step by step, without pasting a solution.',
    },
  ],
};
