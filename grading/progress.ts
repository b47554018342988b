/**
 * `npm run progress`: where a learner stands across every exercise. Each
 * exercise's hidden suite is graded against the learner's own code in
 * exercises/ (in parallel, one grader child each, as `npm run grade` does),
 * and each exercise is listed as not started (every test still says "not
 * implemented"), in progress (with its score and the tasks still short), or
 * full marks. Exercises named narrow it to them (drafts too: a draft is
 * listed only when named).
 *
 *   npm run progress -- [exercise ...]
 *
 * Exit status: 0; 2 for a usage error (an unknown exercise or option).
 */
import { parseOrExit } from './args';
import { catalog, shipped, type ExerciseSpec } from './catalog';
import { commands } from './commands';
import { grade } from './grade';
import { inPlace } from './impl';
import type { ExerciseResult } from './model';
import { bar } from './reports/terminal';
import { standing } from './standing';

async function gradeOne(spec: ExerciseSpec): Promise<ExerciseResult> {
  const run = await grade({ specs: [spec], staged: inPlace('exercises'), impl: 'exercises', seed: 1 });
  return run.exercises[0]!;
}

const HELP = `Grades your code in exercises/ (seed 1) and lists each exercise as not started, in progress
(with the tasks still short) or at full marks. With exercises named, lists those alone.`;

const { exercises: named } = parseOrExit(commands.progress, HELP);
// Drafts (npm run new-exercise) are not yet anyone's exercise: listed only when named.
const exercises = named.length === 0 ? shipped() : catalog.filter((e) => named.includes(e.slug));
const results = await Promise.all(exercises.map(gradeOne));
const width = Math.max(...exercises.map((e) => e.title.length));
const lines = results.map((r, i) => `${exercises[i]!.title.padEnd(width)}  ${`${r.score}/${r.maxScore}`.padStart(7)}  ${bar(r.score, r.maxScore)}  ${standing(r)}`);
const full = results.filter((r) => r.score === r.maxScore).length;
const started = results.filter((r) => standing(r) !== 'not started').length;
process.stdout.write(`${lines.join('\n')}\n\n${started} of ${results.length} exercises started, ${full} at full marks (seed 1; cd exercises/<slug> && npm test for the details)\n`);
