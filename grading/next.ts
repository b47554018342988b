/**
 * `npm run next -- [exercise ...]` (in an exercise folder, `npm run next`):
 * which exercise and which task to work on now, and why, in a few lines.
 *
 * It grades the learner's own code in exercises/ as `npm run progress` does
 * (grading/grade.ts, seed 1, one grader child per exercise), and picks:
 * 1. the first exercise in curriculum (catalog) order that is started and
 *    short of full marks; else
 * 2. the first one not started; else nothing: every exercise is at full marks.
 * A started exercise comes before an earlier one not started: the learner has
 * its contract and their own code in mind, its remaining points are the
 * nearest, and skipping an exercise is a choice we do not undo
 * (`npm run next -- <exercise>` asks about that one alone).
 * Within the exercise, the first task short of full marks (tasks build on one
 * another), and within the task, the first test that did not pass, in the
 * suite's order. It shows the task's score, that test and the first line of its
 * message, the README section of the task, and the commands to run.
 *
 * An exercise whose learner files are still the stubs as shipped, byte for
 * byte (grading/stubs.ts), is not started without being graded: only the one
 * picked is. Named exercises narrow the choice to them, in catalog order.
 *
 * Exit status: 0 when it said what is next (or that nothing is); 2 for a usage
 * error (an unknown exercise or option). For the repo's tests,
 * FAULTLINE_IMPL_ROOT is the folder holding the learner's `<exercise>/`
 * (default exercises/, as the score reporter reads it).
 */
import { cdTo } from '../harness/suite/replay';
import fs from 'node:fs';
import path from 'node:path';
import { parseOrExit } from './args';
import { catalog, maxPoints, shipped, type ExerciseSpec, type TaskSpec } from './catalog';
import { commands } from './commands';
import { grade } from './grade';
import { anchorOf, hintCommand } from './hints';
import type { ExerciseResult } from './model';
import { ROOT } from './paths';
import { bar } from './reports/terminal';
import { standing } from './standing';
import { isUntouched } from './stubs';

const HELP = `Grades your code and says which exercise and task to work on next, and why;
with exercises named, chooses among those alone.`;

const SEED = 1;
/** A test's message is shown by its first line, cut to this many characters. */
const MESSAGE_WIDTH = 160;

/** The exercises to choose among: those named, in catalog order, or every shipped one. */
function chosen(named: readonly string[]): readonly ExerciseSpec[] {
  return named.length === 0 ? shipped() : catalog.filter((e) => named.includes(e.slug));
}

/** The README heading of a task (`### 2. Add and query — 40 points`), as a link to its section. */
function readmeSection(spec: ExerciseSpec, task: TaskSpec): string {
  const readme = path.join('exercises', spec.slug, 'README.md');
  let heading = `${task.id}. ${task.title} — ${task.points} points`;
  try {
    const found = fs
      .readFileSync(path.join(ROOT, readme), 'utf8')
      .split('\n')
      .find((line) => /^#{2,4} /.test(line) && line.replace(/^#+ /, '').startsWith(`${task.id}. `));
    if (found !== undefined) heading = found.replace(/^#+ /, '').trim();
  } catch {
    // No README to read: the heading the catalog implies is still the right guess.
  }
  return `${readme}#${anchorOf(heading)}`;
}

const firstLine = (text: string): string => {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > MESSAGE_WIDTH ? `${line.slice(0, MESSAGE_WIDTH - 1)}…` : line;
};

interface Standing {
  readonly spec: ExerciseSpec;
  /** Absent for an exercise not graded: its files are the stubs. */
  readonly result?: ExerciseResult;
}

const isFull = (s: Standing): boolean => s.result !== undefined && s.result.score === s.result.maxScore;
const isStarted = (s: Standing): boolean => s.result !== undefined && standing(s.result) !== 'not started';

async function gradeOne(spec: ExerciseSpec, implRoot: string): Promise<ExerciseResult> {
  const run = await grade({ specs: [spec], staged: { root: implRoot, notes: new Map(), cleanup: () => undefined }, impl: 'exercises', seed: SEED });
  return run.exercises[0]!;
}

function render(spec: ExerciseSpec, result: ExerciseResult, why: string): string {
  const task = result.tasks.find((t) => t.score < t.maxScore)!;
  const taskSpec = spec.tasks.find((t) => t.id === task.id)!;
  const test = result.tests.find((t) => t.task === task.id && t.status !== 'passed');
  const lines = [
    `next: ${spec.title}, task ${task.id} · ${task.title}   ${task.score}/${task.maxScore}  ${bar(task.score, task.maxScore)}`,
    `why:  ${why}`,
  ];
  if (test !== undefined) lines.push(`first failing test: [${test.maxPoints}] ${test.name}`, `      ${firstLine(test.message) || test.status}`);
  else lines.push(`      task ${task.id}'s tests did not all run`);
  if (result.notes.length > 0) lines.push(`note: ${firstLine(result.notes[0]!)}`);
  lines.push(`read: ${readmeSection(spec, taskSpec)}`, `run:  ${cdTo(spec.slug, process.env.INIT_CWD || process.cwd())}npm test`, `      ${hintCommand(spec.slug, task.id)}   (a hint, when you are stuck)`);
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const named = parseOrExit(commands.next, HELP, argv).exercises;
  const specs = chosen(named);
  const implRoot = path.resolve(process.env.FAULTLINE_IMPL_ROOT || path.join(ROOT, 'exercises'));
  const toGrade = specs.filter((spec) => !isUntouched(spec, implRoot));
  if (toGrade.length > 0) process.stderr.write(`next: grading ${toGrade.map((s) => s.slug).join(', ')} (seed ${SEED}) …\n`);
  const graded = await Promise.all(toGrade.map((spec) => gradeOne(spec, implRoot)));
  const standings: Standing[] = specs.map((spec) => {
    const i = toGrade.indexOf(spec);
    return i < 0 ? { spec } : { spec, result: graded[i]! };
  });
  const score = (s: Standing): string => (s.result === undefined ? `0/${maxPoints(s.spec)}` : `${s.result.score}/${s.result.maxScore}`);

  const started = standings.find((s) => isStarted(s) && !isFull(s));
  const fresh = standings.find((s) => !isStarted(s) && !isFull(s));
  const pick = started ?? fresh;
  if (pick === undefined) {
    const scope = named.length === 0 ? `Every exercise is` : `${specs.map((s) => s.slug).join(', ')} ${specs.length === 1 ? 'is' : 'are'}`;
    const lines = [`next: nothing here. ${scope} at full marks (${standings.map(score).join(', ')}).`];
    if (named.length > 0) lines.push('      npm run next at the root of the repository looks at every exercise.');
    else lines.push('      More exercises are coming (README, "Exercises"); try other seeds meanwhile: FAULTLINE_SEED=2 npm test.');
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  const result = pick.result ?? (process.stderr.write(`next: grading ${pick.spec.slug} (seed ${SEED}) …\n`), await gradeOne(pick.spec, implRoot));
  const before = standings.filter((s) => specs.indexOf(s.spec) < specs.indexOf(pick.spec));
  // Before a started pick, every exercise short of full marks is one not started.
  const skipped = before.filter((s) => !isFull(s));
  const why =
    pick === started
      ? skipped.length > 0
        ? `${pick.spec.title} is in progress (${result.score}/${result.maxScore}); finish it before ${skipped.map((s) => s.spec.title).join(', ')}, not started`
        : `${pick.spec.title} is in progress (${result.score}/${result.maxScore})${before.length > 0 ? `, after ${before.map((s) => s.spec.title).join(', ')} at full marks` : ''}`
      : `${before.length > 0 ? `${before.map((s) => s.spec.title).join(', ')} at full marks; ` : ''}${pick.spec.title} is the next in the curriculum, not started`;
  process.stdout.write(`${render(pick.spec, result, `${why}; task ${result.tasks.find((t) => t.score < t.maxScore)!.id} is its first task short of full marks.`)}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
