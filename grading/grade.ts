/** Grading as a library: the CLI and the repo's own tests both call `grade`. */
import { type ExerciseSpec } from './catalog';
import type { ExerciseResult, ImplKind, RunResult } from './model';
import { runExercise } from './runner';
import { notSubmitted, scoreExercise } from './score';
import { withHints } from './hints';
import type { StagedImpl } from './impl';

export interface GradeOptions {
  readonly specs: readonly ExerciseSpec[];
  readonly staged: StagedImpl;
  readonly impl: ImplKind;
  readonly submission?: string;
  readonly seed: number;
  readonly attemptLimitMs?: number;
  /** Grade only the tests of these names; the result lists only them (see RunExerciseOptions.only). */
  readonly only?: readonly string[];
  /** Called as each exercise starts. */
  readonly onExerciseStart?: (spec: ExerciseSpec) => void;
  /** Called as each exercise finishes, so a caller can report progress or save partial results. */
  readonly onExercise?: (result: ExerciseResult) => void;
}

/** The run's result; with `staged`, a submission's provenance (its commit, the hash of the files taken). */
export function assembleRun(options: Pick<GradeOptions, 'impl' | 'submission' | 'seed'> & { readonly staged?: StagedImpl }, exercises: readonly ExerciseResult[]): RunResult {
  const provenance = options.impl === 'submission' ? options.staged?.provenance : undefined;
  return {
    version: 1,
    seed: options.seed,
    impl: options.impl,
    ...(options.submission === undefined ? {} : { submission: options.submission }),
    ...(provenance === undefined ? {} : { provenance }),
    score: exercises.reduce((sum, e) => sum + e.score, 0),
    maxScore: exercises.reduce((sum, e) => sum + e.maxScore, 0),
    exercises,
  };
}

export async function grade(options: GradeOptions): Promise<RunResult> {
  const exercises: ExerciseResult[] = [];
  for (const spec of options.specs) {
    options.onExerciseStart?.(spec);
    const submitted = options.staged.submitted?.get(spec.slug);
    const staged = options.staged.notes.get(spec.slug) ?? [];
    if (submitted?.status === 'missing') {
      // Nothing to run: every test of it is unearned, and says which file is missing.
      const result = notSubmitted(spec, submitted, staged);
      exercises.push(result);
      options.onExercise?.(result);
      continue;
    }
    const run = await runExercise({
      spec,
      implRoot: options.staged.root,
      seed: options.seed,
      ...(options.attemptLimitMs === undefined ? {} : { attemptLimitMs: options.attemptLimitMs }),
      ...(options.only === undefined ? {} : { only: options.only }),
    });
    const notes = [...staged, ...run.notes];
    // A grade shows every started task's first hint: the same for every student, whatever they ran before.
    const scored = withHints(scoreExercise(spec, run.tests, run.outcomes, notes, options.only === undefined));
    const result = submitted === undefined ? scored : { ...scored, submitted };
    exercises.push(result);
    options.onExercise?.(result);
  }
  return assembleRun(options, exercises);
}
