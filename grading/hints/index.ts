/**
 * The staged hints of every exercise, and how far a learner has climbed them.
 *
 * A task that is short of full marks, and that the learner has started (some
 * failure other than "not implemented"), carries one hint in every report: the
 * stage the learner has reached. A grade always gives the first stage. A
 * learner's own runs in an exercise climb the ladder (`climb`): the first
 * failing run shows the nudge; each later run in which the task is still
 * failing, the task's own code has changed (task-code.ts: editing another
 * task's methods does not count) and the task has earned no more points than
 * on the last counted run shows the next stage, up to the last. A run that
 * earns the task more points keeps the stage: the learner is getting there. A
 * run whose code did not load climbs nothing. A task built on an earlier one
 * that is still short shows, instead of its own hint, that the earlier task
 * comes first: its failures may well be that task's. `npm run hint --
 * <exercise> <task>` shows the next stage now. Only the first stage of each
 * task is in the exercise's README (readme.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalog, exerciseSpec, type ExerciseSpec } from '../catalog';
import { isNotImplemented, type ExerciseResult, type TaskHint } from '../model';
import { ROOT } from '../paths';
import type { ExerciseHints, HintStage } from './types';
import { learnerDeclarations, taskCodeHash, type TaskLayout } from './task-code';
import { hints as bloomFilter } from './bloom-filter';
import { hints as vectorClock } from './vector-clock';
import { hints as tokenBucket } from './token-bucket';
import { hints as raft } from './raft';
import { hints as lsmCompaction } from './lsm-compaction';
import { hints as consistentHashing } from './consistent-hashing';
import { hints as writeAheadLog } from './write-ahead-log';
import { hints as crdt } from './crdt';
import { hints as quorum } from './quorum';
import { hints as stability } from './stability';
import { layout as bloomFilterLayout } from './bloom-filter';
import { layout as vectorClockLayout } from './vector-clock';
import { layout as tokenBucketLayout } from './token-bucket';
import { layout as raftLayout } from './raft';
import { layout as lsmCompactionLayout } from './lsm-compaction';

export type { ExerciseHints, HintStage } from './types';
export type { TaskLayout } from './task-code';

const bySlug: Readonly<Record<string, ExerciseHints>> = {
  'bloom-filter': bloomFilter,
  'vector-clock': vectorClock,
  'token-bucket': tokenBucket,
  raft,
  'lsm-compaction': lsmCompaction,
  'consistent-hashing': consistentHashing,
  'write-ahead-log': writeAheadLog,
  crdt,
  quorum,
  stability,
};

const layouts: Readonly<Record<string, TaskLayout>> = {
  'bloom-filter': bloomFilterLayout,
  'vector-clock': vectorClockLayout,
  'token-bucket': tokenBucketLayout,
  raft: raftLayout,
  'lsm-compaction': lsmCompactionLayout,
};

/** How an exercise's tasks divide its code and build on each other; an exercise without one has every task use all of it. */
export const layoutOf = (slug: string): TaskLayout => layouts[slug] ?? {};

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
  return `${hintLabel(task, hint)}: ${hint.text}${read ? ` (read: ${read})` : ''}`;
}

/** `hint 2 of 3 for task 1`, or for a task whose base is unfinished (stage 0) `first, for task 2`. */
export const hintLabel = (task: number, hint: TaskHint): string => (hint.stage === 0 ? `first, for task ${task}` : `hint ${hint.stage} of ${hint.stages} for task ${task}`);

/** The command that shows a task's next stage (`task` may be a placeholder, `<task>`). */
export const hintCommand = (slug: string, task: number | string): string => `npm run hint -- ${slug} ${task}`;

/** Which stage (1-based) to show for each task; a grade shows the first. */
export type StageOf = (task: number) => number;

/** True when the learner has not started: every test of the task that failed says only that it is not implemented. */
const untouched = (result: ExerciseResult, task: number): boolean => result.tests.filter((t) => t.task === task && t.status !== 'passed').every(isNotImplemented);

/** The earlier tasks that `task` builds on and that are still short of full marks. */
export function unfinishedBase(result: ExerciseResult, task: number): number[] {
  const base = layoutOf(result.name).builtOn?.[task] ?? [];
  return base.filter((id) => result.tasks.some((t) => t.id === id && t.score < t.maxScore));
}

/**
 * The result with a hint on every started task short of full marks, at the stage `stageOf` gives; a task whose base
 * is unfinished gets a hint that says to finish the base first.
 */
export function withHints(result: ExerciseResult, stageOf: StageOf = () => 1): ExerciseResult {
  const tasks = result.tasks.map((task) => {
    const stages = stagesOf(result.name, task.id);
    if (task.score >= task.maxScore || stages.length === 0 || untouched(result, task.id)) return task;
    const base = unfinishedBase(result, task.id);
    if (base.length > 0) {
      const names = base.map((id) => `task ${id}`).join(' and ');
      const hint: TaskHint = {
        stage: 0,
        stages: stages.length,
        text: `This task builds on ${names}, which ${base.length === 1 ? 'is' : 'are'} not at full marks yet: its failures here may well be ${base.length === 1 ? 'that task’s' : 'theirs'}. Finish ${names} first; this task’s own hints come after.`,
      };
      return { ...task, hint };
    }
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
  /** A hash of the task's own code on the last counted run (task-code.ts). */
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

/** Each task's own code, hashed (task-code.ts): a run counts as a new attempt at a task only when its hash changed. */
export function taskCodeHashes(spec: ExerciseSpec, implRoot: string): (task: number) => string {
  const declarations = learnerDeclarations(spec, implRoot);
  const layout = layoutOf(spec.slug);
  return (task) => taskCodeHash(declarations, layout, task);
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
  const codeOf = taskCodeHashes(spec, implRoot);
  const before = readLadders(file);
  let ladders = before;
  const unhinted = withHints(result, () => 1);
  for (const task of unhinted.tasks) {
    // No hint, or the note that an earlier task comes first (stage 0): nothing to climb.
    if (task.hint === undefined || task.hint.stage === 0) continue;
    const previous = ladders.exercises[result.name]?.[String(task.id)];
    ladders = withRung(ladders, result.name, task.id, climb(previous, { code: codeOf(task.id), points: task.score }, task.hint.stages));
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
