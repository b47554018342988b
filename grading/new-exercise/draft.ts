/**
 * What a new exercise holds before anyone writes it: one task, two clauses
 * (one of the whole exercise, ungraded, and one graded), one graded test that
 * the trivial reference passes and the stub fails with "not implemented", one
 * known-wrong variant that fails it, and two stages of hints. Each is a
 * placeholder, marked PLACEHOLDER, in the shape the real ones take; the
 * templates (templates.ts, readme.ts) write them all from this one record, so
 * the README's rubric, the suite, the ledger and the variant agree.
 */
import type { TaskSpec } from '../catalog';
import type { Clause } from '../../harness/suite/ledger';
import type { Category } from '../../harness/suite/types';
import type { ExerciseHints } from '../hints/types';
import { PLACEHOLDER, type ExerciseNames } from './names';

export interface DraftTest {
  readonly task: number;
  readonly points: number;
  readonly category: Category;
  readonly name: string;
  readonly hint: string;
  readonly clauses: readonly string[];
}

export interface DraftVariant {
  readonly name: string;
  readonly mistake: string;
  readonly clauses: readonly string[];
  readonly mustFail: readonly string[];
  /** Its story: the opening doc comment of its file, and the description of its patch. */
  readonly story: string;
}

export interface DraftContent {
  readonly names: ExerciseNames;
  readonly tasks: readonly TaskSpec[];
  /** The one learner file, also the entry: `<slug>.ts`. */
  readonly file: string;
  /** The function the placeholder contract is about. */
  readonly fn: string;
  readonly clauses: readonly Clause[];
  readonly tests: readonly DraftTest[];
  readonly variant: DraftVariant;
  readonly hints: ExerciseHints;
  /** The README heading of each task, as hints name it: `1. <title> — <points> points`. */
  readonly taskHeading: (task: TaskSpec) => string;
}

export function draftContent(names: ExerciseNames): DraftContent {
  const { prefix } = names;
  const task: TaskSpec = { id: 1, title: `${PLACEHOLDER} name this task`, points: 100 };
  const taskHeading = (t: TaskSpec): string => `${t.id}. ${t.title} — ${t.points} points`;
  const test: DraftTest = {
    task: 1,
    points: 100,
    category: 'correctness',
    name: 'placeholder returns its argument unchanged',
    hint: 'README, task 1: placeholder(value) returns value as it is.',
    clauses: [`${prefix}-1.1`],
  };
  return {
    names,
    tasks: [task],
    file: `${names.slug}.ts`,
    fn: 'placeholder',
    clauses: [
      {
        id: `${prefix}-0.1`,
        summary: `${PLACEHOLDER} a rule of the whole exercise`,
        ungraded: `${PLACEHOLDER} why no graded test can check it; or drop this reason and name ${prefix}-0.1 in a graded test`,
      },
      { id: `${prefix}-1.1`, summary: `${PLACEHOLDER} placeholder(value) returns value unchanged` },
    ],
    tests: [test],
    variant: {
      name: 'placeholder-off-by-one',
      mistake: `${PLACEHOLDER} a classic mistake; this one returns value + 1`,
      clauses: [`${prefix}-1.1`],
      mustFail: [test.name],
      story: [
        `Broken ${names.title.toLowerCase()}: ${PLACEHOLDER} replace this placeholder with a classic mistake.`,
        '',
        'The mistake: placeholder() returns value + 1.',
        '',
        'Why it is wrong: the contract says it returns value unchanged.',
        '',
        `Seen in: ${PLACEHOLDER} the issue, paper or postmortem where it shipped.`,
      ].join('\n'),
    },
    hints: {
      1: [
        {
          text: `${PLACEHOLDER} the nudge: which idea of the README should the learner look at again? Ask it as a question.`,
          readme: taskHeading(task),
        },
        { text: `${PLACEHOLDER} nearly the answer: what the code must do, step by step, without pasting a solution.` },
      ],
    },
    taskHeading,
  };
}
