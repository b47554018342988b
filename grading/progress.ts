/**
 * `npm run progress`: where a learner stands across every exercise. Each
 * exercise's hidden suite is graded against the learner's own code in
 * exercises/ (in parallel, one grader child each, as `npm run grade` does),
 * and each exercise is listed as not started (every test still says "not
 * implemented"), in progress (with its score and the tasks still short), or
 * full marks.
 */
import { shipped, type ExerciseSpec } from './catalog';
import { grade } from './grade';
import { inPlace } from './impl';
import type { ExerciseResult } from './model';
import { bar } from './reports/terminal';
import { standing } from './standing';

async function gradeOne(spec: ExerciseSpec): Promise<ExerciseResult> {
  const run = await grade({ specs: [spec], staged: inPlace('exercises'), impl: 'exercises', seed: 1 });
  return run.exercises[0]!;
}

// Drafts (npm run new-exercise) are not yet anyone's exercise.
const exercises = shipped();
const results = await Promise.all(exercises.map(gradeOne));
const width = Math.max(...exercises.map((e) => e.title.length));
const lines = results.map((r, i) => `${exercises[i]!.title.padEnd(width)}  ${`${r.score}/${r.maxScore}`.padStart(7)}  ${bar(r.score, r.maxScore)}  ${standing(r)}`);
const full = results.filter((r) => r.score === r.maxScore).length;
const started = results.filter((r) => standing(r) !== 'not started').length;
process.stdout.write(`${lines.join('\n')}\n\n${started} of ${results.length} exercises started, ${full} at full marks (seed 1; cd exercises/<slug> && npm test for the details)\n`);
