/**
 * `npm run edition -- --out DIR [--rev REV] [--classroom] [SLUG ...]`: writes a learner
 * edition into DIR, a new or empty folder: the chosen exercises (default:
 * every shipped one), the harness and grader they need, and a README for
 * students, taken from commit REV (default HEAD), never from the work tree;
 * nothing that reveals a reference (grading/edition/build.ts says what it
 * holds and how that is checked). Then it prints the edition's size and
 * contents.
 *
 * Exit status: 0 when written; 1 when it cannot be built without revealing
 * the reference, or git cannot read the commit; 2 for a usage error (an
 * unknown option or exercise, no --out, DIR not empty).
 */
import path from 'node:path';
import { exitWithUsage, parseOrExit } from './args';
import { commands } from './commands';
import { addGenerated, ChoiceError, contents, EditionError, isOccupied, planEdition, writeEdition } from './edition/build';
import { classroomWorkflow } from './github-classroom/workflows';
import { ROOT } from './paths';
import { CommitError } from './shipping';

/** Where an edition of one exercise takes the course workflow (grading/github-classroom/README.md). */
const CLASSROOM_WORKFLOW = '.github/workflows/classroom.yml';

const HELP = `  writes a learner edition into DIR: the exercises named (default: every shipped one), what their
  commands need to run, and a README for students; nothing of the reference solutions
  --out DIR    where to write it: a new or empty folder
  --rev REV    the commit to take the files from (default HEAD; uncommitted edits never ship)
  --classroom  with one exercise: add the student workflow of grading/github-classroom/<slug>.yml
               as ${CLASSROOM_WORKFLOW} (feedback on every push; no secret)
then: cd DIR && git init && git add -A && git commit -m "faultline" and push it where students clone from`;

function parse(argv: readonly string[]): { out: string; rev: string; slugs: readonly string[]; classroom: boolean } {
  const { values, exercises } = parseOrExit(commands.edition, HELP, argv);
  const { out, rev = 'HEAD', classroom = false } = values;
  if (out === undefined || out === '') exitWithUsage(commands.edition, '--out DIR is required: the folder to write the edition into');
  const dir = path.resolve(out);
  if (isOccupied(dir)) exitWithUsage(commands.edition, `--out ${out} exists and is not empty; name a new or empty folder`);
  if (classroom && exercises.length !== 1) exitWithUsage(commands.edition, `--classroom takes exactly one exercise (an assignment grades one), not ${exercises.length}`);
  return { out: dir, rev, slugs: exercises, classroom };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(argv: readonly string[]): Promise<number> {
  const options = parse(argv);
  let edition;
  try {
    edition = await planEdition({ repo: ROOT, rev: options.rev, slugs: [...options.slugs] });
  } catch (error) {
    if (error instanceof ChoiceError) exitWithUsage(commands.edition, error.message);
    throw error;
  }
  if (options.classroom) addGenerated(edition, CLASSROOM_WORKFLOW, classroomWorkflow(edition.exercises[0]!.slug));
  const written = writeEdition(edition, options.out);
  const rows = contents(edition);
  const width = Math.max(...rows.map((row) => row.folder.length + (row.folder.split('/').length > 2 ? 2 : 0)));
  const lines = [
    `edition: ${edition.exercises.map((e) => e.slug).join(', ')} from commit ${edition.commit.slice(0, 12)}, written to ${options.out}`,
    `  ${'folder'.padEnd(width)}  ${'files'.padStart(5)}  ${'size'.padStart(10)}`,
    ...rows.map((row) => {
      const nested = row.folder.split('/').length > 2;
      return `  ${`${nested ? '  ' : ''}${row.folder}`.padEnd(width)}  ${String(row.files).padStart(5)}  ${kb(row.bytes).padStart(10)}`;
    }),
    `  ${'total'.padEnd(width)}  ${String(written.files).padStart(5)}  ${kb(written.bytes).padStart(10)}  (${written.bytes} bytes)`,
  ];
  if (edition.leftOut.length > 0) {
    const byFolder = new Map<string, string[]>();
    for (const ref of edition.leftOut) byFolder.set(ref.target, [...(byFolder.get(ref.target) ?? []), `${ref.from}:${ref.line}`]);
    const named = [...byFolder].map(([folder, at]) => `${folder}/ (${at.join(', ')})`).join('; ');
    lines.push(`withheld, though the grader names it: ${named}; what reads it there does not work in an edition`);
  }
  const relative = path.relative(process.cwd(), options.out);
  const where = relative === '' ? '.' : relative.startsWith('..') ? options.out : relative;
  lines.push(`try it: cd ${where} && npm ci && cd exercises/${edition.exercises[0]!.slug} && npm test`);
  if (options.classroom) lines.push(`with ${CLASSROOM_WORKFLOW}: every push runs npm run grade -- ${edition.exercises[0]!.slug} --classroom (feedback; grading/github-classroom/README.md)`);
  lines.push('publish it: git init, commit everything, push (npm run reset reads the stubs from git)');
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof EditionError || error instanceof CommitError) {
    process.stderr.write(`${error.message.startsWith('edition:') ? '' : 'edition: '}${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
