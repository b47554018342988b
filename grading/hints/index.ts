/**
 * The staged hints of every exercise, and how far a learner has climbed them.
 *
 * A task that is short of full marks, and that the learner has started (some
 * failure other than "not implemented"), carries one hint in every report: the
 * stage the learner has reached. A grade always gives the first stage. A
 * learner's own runs in an exercise climb the ladder (`climb`): the first
 * failing run shows the nudge; each later run in which the task is still
 * failing, the learner's files have changed and the task has earned no more
 * points than on the last counted run shows the next stage, up to the last.
 * A run that earns the task more points keeps the stage: the learner is
 * getting there. `npm run hint -- <exercise> <task>` shows the next stage now.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { catalog, exerciseSpec, type ExerciseSpec } from '../catalog';
import { isNotImplemented, type ExerciseResult, type TaskHint } from '../model';
import { ROOT } from '../paths';
import type { ExerciseHints, HintStage } from './types';
import { hints as bloomFilter } from './bloom-filter';
import { hints as vectorClock } from './vector-clock';
import { hints as tokenBucket } from './token-bucket';
import { hints as raft } from './raft';
import { hints as lsmCompaction } from './lsm-compaction';

export type { ExerciseHints, HintStage } from './types';

const bySlug: Readonly<Record<string, ExerciseHints>> = {
  'bloom-filter': bloomFilter,
  'vector-clock': vectorClock,
  'token-bucket': tokenBucket,
  raft,
  'lsm-compaction': lsmCompaction,
};

/** The stages of one task, in the order they are shown; empty for an exercise or task without hints. */
export function stagesOf(slug: string, task: number): readonly HintStage[] {
  return bySlug[slug]?.[task] ?? [];
}

/** Where a stage points, as one line: the README passage and the paper section. */
export function referenceOf(slug: string, stage: HintStage): string | undefined {
  const parts = [
    ...(stage.readme === undefined ? [] : [`exercises/${slug}/README.md, “${stage.readme}”`]),
    ...(stage.paper === undefined ? [] : [stage.paper]),
  ];
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** A task's hint as one plain line, for reports that are plain text: `hint 1 of 3 for task 2: … (read: …)`. */
export function hintLine(task: number, hint: TaskHint): string {
  const read = [hint.readme, hint.paper].filter((r): r is string => r !== undefined).join('; ');
  return `hint ${hint.stage} of ${hint.stages} for task ${task}: ${hint.text}${read ? ` (read: ${read})` : ''}`;
}

/** The command that shows a task's next stage (`task` may be a placeholder, `<task>`). */
export const hintCommand = (slug: string, task: number | string): string => `npm run hint -- ${slug} ${task}`;

/** Which stage (1-based) to show for each task; a grade shows the first. */
export type StageOf = (task: number) => number;

/** True when the learner has not started: every test of the task that failed says only that it is not implemented. */
const untouched = (result: ExerciseResult, task: number): boolean => result.tests.filter((t) => t.task === task && t.status !== 'passed').every(isNotImplemented);

/** The result with a hint on every started task short of full marks, at the stage `stageOf` gives. */
export function withHints(result: ExerciseResult, stageOf: StageOf = () => 1): ExerciseResult {
  const tasks = result.tasks.map((task) => {
    const stages = stagesOf(result.name, task.id);
    if (task.score >= task.maxScore || stages.length === 0 || untouched(result, task.id)) return task;
    const stage = Math.min(Math.max(1, Math.floor(stageOf(task.id))), stages.length);
    const chosen = stages[stage - 1]!;
    const hint: TaskHint = {
      stage,
      stages: stages.length,
      text: chosen.text,
      ...(chosen.readme === undefined ? {} : { readme: `exercises/${result.name}/README.md#${anchorOf(chosen.readme)}` }),
      ...(chosen.paper === undefined ? {} : { paper: chosen.paper }),
    };
    return { ...task, hint };
  });
  return { ...result, tasks };
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

// ---------------------------------------------------------------- the ladder

/** Where a learner stands on one task's ladder. */
export interface Rung {
  /** Stages shown so far (the last of them is the one reports show). */
  readonly shown: number;
  /** A hash of the learner's files on the last counted run. */
  readonly code: string;
  /** What the task earned on the last counted run. */
  readonly points: number;
}

/** A learner's standing on every ladder: exercise, then task id. */
export interface Ladders {
  readonly version: 1;
  readonly exercises: Readonly<Record<string, Readonly<Record<string, Rung>>>>;
}

const EMPTY: Ladders = { version: 1, exercises: {} };

/** The next rung after a failing run of a task: see the module comment. */
export function climb(previous: Rung | undefined, run: { readonly code: string; readonly points: number }, stages: number): Rung {
  if (previous === undefined) return { shown: 1, ...run };
  if (previous.code === run.code) return previous;
  if (run.points > previous.points) return { shown: Math.min(Math.max(previous.shown, 1), stages), ...run };
  return { shown: Math.min(previous.shown + 1, stages), ...run };
}

/** The learner's files of one exercise, hashed: a run counts as a new attempt only when this changed. */
export function codeHash(spec: ExerciseSpec, implRoot: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of spec.learnerFiles) {
    hash.update(file).update('\0');
    try {
      hash.update(fs.readFileSync(path.join(implRoot, spec.slug, file)));
    } catch {
      hash.update('(missing)');
    }
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where a learner's ladders are kept: beside their checkout, out of git (.faultline/ is ignored). */
export const defaultLaddersFile = (): string => process.env.FAULTLINE_HINTS_FILE || path.join(ROOT, '.faultline', 'hints.json');

export function readLadders(file: string): Ladders {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Ladders>;
    if (parsed.version !== 1 || typeof parsed.exercises !== 'object' || parsed.exercises === null) return EMPTY;
    return parsed as Ladders;
  } catch {
    // Missing, unreadable or hand-edited into nonsense: start from the first stage rather than fail a test run.
    return EMPTY;
  }
}

export function writeLadders(file: string, ladders: Ladders): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(ladders, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

const withRung = (ladders: Ladders, slug: string, task: number, rung: Rung): Ladders => ({
  version: 1,
  exercises: { ...ladders.exercises, [slug]: { ...ladders.exercises[slug], [String(task)]: rung } },
});

/**
 * A learner's run of one exercise: climbs the ladder of every started task
 * still short of full marks, saves the ladders, and returns the result with
 * each such task's hint at the stage reached.
 */
export function climbAndHint(result: ExerciseResult, implRoot: string, file: string = defaultLaddersFile()): ExerciseResult {
  const spec = exerciseSpec(result.name);
  const code = codeHash(spec, implRoot);
  const before = readLadders(file);
  let ladders = before;
  const unhinted = withHints(result, () => 1);
  for (const task of unhinted.tasks) {
    if (task.hint === undefined) continue;
    const previous = ladders.exercises[result.name]?.[String(task.id)];
    ladders = withRung(ladders, result.name, task.id, climb(previous, { code, points: task.score }, task.hint.stages));
  }
  if (ladders !== before) {
    try {
      writeLadders(file, ladders);
    } catch {
      // A read-only checkout still gets its score and the hints it has reached.
    }
  }
  return withHints(result, (task) => ladders.exercises[result.name]?.[String(task)]?.shown ?? 1);
}

/** `npm run hint`: shows the next stage of a task now; returns the stages shown so far. */
export function revealNext(slug: string, task: number, file: string = defaultLaddersFile()): { shown: readonly HintStage[]; stages: number } {
  const stages = stagesOf(slug, task);
  const ladders = readLadders(file);
  const previous = ladders.exercises[slug]?.[String(task)];
  const shown = Math.min((previous?.shown ?? 0) + 1, stages.length);
  writeLadders(file, withRung(ladders, slug, task, { shown, code: previous?.code ?? '', points: previous?.points ?? -1 }));
  return { shown: stages.slice(0, shown), stages: stages.length };
}

/** Every exercise and task in the catalog has hints: checked by grading/test/hints.test.ts. */
export const allHints = (): readonly { slug: string; task: number; stages: readonly HintStage[] }[] =>
  catalog.flatMap((spec) => spec.tasks.map((t) => ({ slug: spec.slug, task: t.id, stages: stagesOf(spec.slug, t.id) })));
