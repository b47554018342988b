/**
 * The file between the learner's reporter and the browser panel: one per
 * `npm run ui` session, `.faultline/ui/<pid>.json` (git-ignored), named by the
 * vitest process that serves the UI and runs the reporter.
 *
 * The panel's plugin opens the file when the UI starts (`openUiScore`); the
 * reporter writes into it at the end of every run (`writeUiScore`), and only if
 * it is open, so a run without the UI leaves nothing behind. Writes are atomic
 * (a temporary file, then a rename). Nothing here throws: a read-only checkout
 * still gets its score in the terminal, and the panel then says it has none.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExerciseResult } from '../model.ts';
import { ROOT } from '../paths.ts';
import type { UiExercise, UiScore } from './types.ts';

/** Where every session's file lies. */
export const uiScoreDir = (): string => path.join(ROOT, '.faultline', 'ui');

/** The file of the session served by process `pid` (this one by default). */
export const uiScoreFile = (pid: number = process.pid): string => path.join(uiScoreDir(), `${pid}.json`);

const EMPTY: UiScore = { version: 1, run: 0, endedAt: 0, partial: false, exercises: [] };

/** The session's score; the empty score when the file is missing, unreadable or not version 1. */
export function readUiScore(file: string = uiScoreFile()): UiScore {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<UiScore>;
    return parsed.version === 1 && Array.isArray(parsed.exercises) ? (parsed as UiScore) : EMPTY;
  } catch {
    return EMPTY;
  }
}

function writeAtomically(file: string, score: UiScore): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, `${JSON.stringify(score)}\n`);
    fs.renameSync(temporary, file);
    return true;
  } catch {
    fs.rmSync(temporary, { force: true });
    return false;
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Starts this process's session with no score yet, and removes the files of sessions whose process is gone. False
 * when the folder cannot be written: the reporter then writes nothing, and the panel shows no score.
 */
export function openUiScore(file: string = uiScoreFile()): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const name of fs.readdirSync(path.dirname(file))) {
      const pid = /^(\d+)\.json$/.exec(name)?.[1];
      if (pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid))) fs.rmSync(path.join(path.dirname(file), name), { force: true });
    }
    return writeAtomically(file, EMPTY);
  } catch {
    return false;
  }
}

/** Ends this process's session: its file is removed. */
export function closeUiScore(file: string = uiScoreFile()): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // read-only: it stays, and the next session started here removes it
  }
}

const shown = (result: ExerciseResult, stale: boolean): UiExercise => ({
  name: result.name,
  title: result.title,
  score: result.score,
  maxScore: result.maxScore,
  tasks: result.tasks,
  notes: result.notes,
  stale,
});

/**
 * The session's score after a run that scored `results`: each of them replaces that exercise's score, except that
 * a `partial` run (one that ran only some graded tests) leaves an exercise's full score in place, marked stale.
 */
export function nextUiScore(before: UiScore, results: readonly ExerciseResult[], partial: boolean, endedAt: number): UiScore {
  const exercises = [...before.exercises];
  for (const result of results) {
    const at = exercises.findIndex((exercise) => exercise.name === result.name);
    if (at < 0) exercises.push(shown(result, false));
    else if (!partial) exercises[at] = shown(result, false);
    else exercises[at] = { ...exercises[at]!, stale: true };
  }
  return { version: 1, run: before.run + 1, endedAt, partial, exercises };
}

/**
 * Hands a run's results to this process's `npm run ui` panel: call it at the end of every run, with each scored
 * exercise's result, hints attached. Does nothing when no UI session is open in this process; never throws.
 */
export function writeUiScore(results: readonly ExerciseResult[], partial: boolean, file: string = uiScoreFile()): void {
  try {
    if (!fs.existsSync(file)) return;
    writeAtomically(file, nextUiScore(readUiScore(file), results, partial, Date.now()));
  } catch {
    // the terminal score is what counts
  }
}
