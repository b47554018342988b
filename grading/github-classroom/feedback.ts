/**
 * What each student is told of the grade that counts: one Markdown body per
 * student, written by the instructor's "faultline grade" workflow after the
 * sandboxed batch (instructor/grade.yml) and posted by "faultline publish".
 *
 *   npx tsx grading/github-classroom/feedback.ts --graded DIR --manifest FILE --out FILE
 *
 * The body holds numbers and words of our own only: the exercise's and its tasks'
 * titles from the catalog, the points per task, the graded commit, the deadline,
 * and a fixed sentence when a submission was not graded to the end. It never
 * holds a test's name or message: those belong to the instructor's private suite,
 * and a submission's code could have put anything it read into them.
 *
 * Points come only from a result file that `readResult` accepts (the batch's own
 * check: JSON version 1 for this exercise and seed, scores that add up), counted
 * the same way: a test earns its points when it passed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readResult, SUMMARY_CSV } from '../batch';
import { exerciseSpec, maxPoints, type ExerciseSpec } from '../catalog';
import type { ExerciseResult } from '../model';

/** One collected submission, as collect.sh writes it into manifest.json. */
export interface CollectedSubmission {
  /** The folder the batch graded, and the student's name: the repository's name after the prefix. */
  readonly student: string;
  /** `owner/name`. */
  readonly repo: string;
  readonly branch: string;
  /** The commit collected. */
  readonly commit: string;
  /** When GitHub received the push that made it the branch's head (only when a deadline was given). */
  readonly pushed?: string;
}

/** A repository with nothing to grade, and why (collect.sh's words). */
export interface MissingSubmission {
  readonly student?: string;
  readonly repo: string;
  readonly why: string;
}

/** manifest.json, version 1. */
export interface Manifest {
  readonly version: 1;
  readonly exercise: string;
  readonly owner: string;
  readonly prefix: string;
  /** ISO 8601 in UTC, or null when each repository was taken as it was at `collected`. */
  readonly deadline: string | null;
  readonly collected: string;
  readonly submissions: readonly CollectedSubmission[];
  readonly missing: readonly MissingSubmission[];
}

/** One student's message: `publish.sh` opens an issue titled `title` in `repo` (or comments on it). */
export interface Feedback {
  readonly repo: string;
  readonly student: string;
  readonly title: string;
  readonly body: string;
}

/** A status and seed per student, from the batch's summary.csv. */
interface SummaryRow {
  readonly status: string;
  readonly seed: number;
}

/**
 * The batch's summary.csv, by student. Every column before the last (`detail`, free
 * text) is a number, a slug, a status word or a student name collect.sh accepted
 * (letters, digits, `.`, `_`, `-`), so a row splits on its commas up to there.
 */
export function readSummary(file: string): Map<string, SummaryRow> {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const header = lines[0]?.split(',') ?? [];
  const at = (name: string): number => header.indexOf(name);
  const rows = new Map<string, SummaryRow>();
  if (at('student') !== 0 || at('status') < 0 || at('seed') < 0) return rows;
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const seed = Number(cells[at('seed')]);
    if (cells[0] !== undefined && Number.isSafeInteger(seed)) rows.set(cells[0], { status: cells[at('status')] ?? '', seed });
  }
  return rows;
}

/** A commit id as people quote it. */
const short = (commit: string): string => commit.slice(0, 12);

/** Points per task, counted from the tests as `readResult` counts them. */
function taskPoints(spec: ExerciseSpec, exercise: ExerciseResult): Map<number, number> {
  const points = new Map(spec.tasks.map((task) => [task.id, 0]));
  for (const test of exercise.tests) {
    if (test.status === 'passed' && Number.isInteger(test.points) && test.points === test.maxPoints && points.has(test.task)) {
      points.set(test.task, points.get(test.task)! + test.points);
    }
  }
  return points;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  'timed-out': 'the grade was stopped at its time limit; the points are those of the tests that finished',
  'failed-to-grade': 'the grader could not finish',
  interrupted: 'the grading run was interrupted',
};

function when(manifest: Manifest, submission: CollectedSubmission): string {
  if (manifest.deadline === null) return `as your repository was at ${manifest.collected}`;
  return `your last push before the deadline, ${manifest.deadline}${submission.pushed === undefined ? '' : ` (it arrived at ${submission.pushed})`}`;
}

/** The message for one graded submission. */
export function gradedFeedback(manifest: Manifest, submission: CollectedSubmission, resultFile: string, row: SummaryRow | undefined): Feedback {
  const spec = exerciseSpec(manifest.exercise);
  const title = `faultline: ${spec.title} (${spec.slug})`;
  const head = (score: string) => [`## ${spec.title}: ${score}`, '', `Graded by your instructor: commit \`${short(submission.commit)}\` on \`${submission.branch}\`, ${when(manifest, submission)}.`, ''];
  const tail = ['', 'This is the grade that counts; the "Points" your repository\'s own runs print are feedback only. Ask your instructor about a failed test.'];
  const result = row === undefined ? 'the grading run left no summary for this submission' : readResult(resultFile, [spec.slug], row.seed);
  const exercise = typeof result === 'string' ? undefined : result.exercises.find((e) => e.name === spec.slug);
  if (typeof result === 'string' || exercise === undefined) {
    const why = typeof result === 'string' ? result : 'the result lists no score for this exercise';
    return { repo: submission.repo, student: submission.student, title, body: [...head(`0/${maxPoints(spec)}`), `Not graded: ${why}.`, ...tail].join('\n') };
  }
  const graded = result.provenance?.commit;
  if (typeof graded === 'string' && graded !== submission.commit) {
    return { repo: submission.repo, student: submission.student, title, body: [...head(`0/${maxPoints(spec)}`), 'Not graded: the grader read a different commit from the one collected.', ...tail].join('\n') };
  }
  const points = taskPoints(spec, exercise);
  const total = [...points.values()].reduce((a, b) => a + b, 0);
  const lines = [...head(`${total}/${maxPoints(spec)}`), '| Task | Points |', '|---|---:|', ...spec.tasks.map((task) => `| ${task.id}. ${task.title} | ${points.get(task.id)}/${task.points} |`)];
  // A learner file not found: the exercise was not run (model.ts, `SubmittedFiles`).
  const submitted = (exercise as { readonly submitted?: { readonly status?: string; readonly missing?: readonly { readonly file?: string }[] } }).submitted;
  if (submitted?.status === 'missing') {
    const files = spec.learnerFiles.filter((file) => submitted.missing?.some((m) => m.file === file));
    lines.push('', `Not run: ${files.map((f) => `\`${f}\``).join(', ') || 'a file'} was not found in your repository (expected in \`exercises/${spec.slug}/\`).`);
  }
  const status = row?.status === undefined ? undefined : STATUS_WORDS[row.status];
  if (status !== undefined) lines.push('', `Note: ${status}.`);
  return { repo: submission.repo, student: submission.student, title, body: [...lines, ...tail].join('\n') };
}

/** The message for a repository that had nothing to grade. */
export function missingFeedback(manifest: Manifest, missing: MissingSubmission): Feedback {
  const spec = exerciseSpec(manifest.exercise);
  const body = [
    `## ${spec.title}: 0/${maxPoints(spec)}`,
    '',
    `Your instructor's grading run found nothing to grade in this repository: ${missing.why}.`,
    '',
    'Ask your instructor if you think this is wrong.',
  ].join('\n');
  return { repo: missing.repo, student: missing.student ?? '', title: `faultline: ${spec.title} (${spec.slug})`, body };
}

/** Every message of one graded collection: `graded` is the batch's `--out` folder. */
export function composeFeedback(manifest: Manifest, graded: string): Feedback[] {
  const summaryFile = path.join(graded, SUMMARY_CSV);
  const summary = fs.existsSync(summaryFile) ? readSummary(summaryFile) : new Map<string, SummaryRow>();
  return [
    ...manifest.submissions.map((submission) => gradedFeedback(manifest, submission, path.join(graded, submission.student, 'result.json'), summary.get(submission.student))),
    ...manifest.missing.filter((missing) => missing.student !== undefined).map((missing) => missingFeedback(manifest, missing)),
  ];
}

/** Reads manifest.json, or says what is wrong with it. */
export function readManifest(file: string): Manifest {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest?.version !== 1 || !Array.isArray(manifest.submissions) || !Array.isArray(manifest.missing)) {
    throw new Error(`feedback: ${file} is not a manifest.json written by collect.sh (version 1 with submissions and missing)`);
  }
  exerciseSpec(manifest.exercise);
  return manifest;
}

const USAGE = 'usage: npx tsx grading/github-classroom/feedback.ts --graded DIR --manifest FILE --out FILE';

function main(argv: readonly string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { graded: { type: 'string' }, manifest: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`${USAGE}\nfeedback: ${(error as Error).message}\n`);
    return 2;
  }
  const { graded, manifest, out } = values;
  if (graded === undefined || manifest === undefined || out === undefined) {
    process.stderr.write(`${USAGE}\nfeedback: --graded, --manifest and --out are all needed\n`);
    return 2;
  }
  const feedback = composeFeedback(readManifest(manifest), graded);
  fs.writeFileSync(out, `${JSON.stringify(feedback, null, 2)}\n`);
  process.stdout.write(`feedback for ${feedback.length} student(s) written to ${out}\n`);
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
