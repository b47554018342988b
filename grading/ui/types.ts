/**
 * The score a `npm run ui` session shows beside vitest's own browser UI: what
 * the learner's reporter hands over at the end of every run, as the panel
 * reads it. One JSON file per session (grading/ui/score-file.ts).
 */
import type { ExerciseResult } from '../model';

/** One exercise as the panel shows it: the result without its tests (vitest's UI lists those). */
export type UiExercise = Pick<ExerciseResult, 'name' | 'title' | 'score' | 'maxScore' | 'tasks' | 'notes'> & {
  /**
   * A later run ran only some of this exercise's graded tests (a name filter): the score is the last full run's,
   * which may predate the learner's latest change.
   */
  readonly stale: boolean;
};

/** The session's score, version 1. */
export interface UiScore {
  readonly version: 1;
  /** Runs written so far in this session: 0 until the first run ends. The panel redraws when it changes. */
  readonly run: number;
  /** When the latest run ended, in milliseconds since the epoch (0 before the first). */
  readonly endedAt: number;
  /** The latest run ran only some graded tests. */
  readonly partial: boolean;
  /**
   * Every exercise the session has scored, in the order first scored. A run replaces the exercises it scored and
   * keeps the others (a save re-runs one exercise's files only).
   */
  readonly exercises: readonly UiExercise[];
}
