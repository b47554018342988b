/**
 * Which submissions of a collection are copies: of the reference, of each
 * other, or the untouched stub, by the batch's own rule (batch.ts `fileNotes`:
 * learner files equal once comments and whitespace are normalised).
 *
 *   npx tsx grading/github-classroom/copies.ts --submissions DIR --exercise SLUG --out FILE
 *
 * The instructor's "faultline grade" workflow grades in a sandbox that holds no
 * reference solution, since students' code runs there, so the batch inside it
 * cannot tell a copy of the reference. This runs afterwards, on the runner, where
 * the instructor's checkout has solutions/; it only reads the submissions' files,
 * never runs them. FILE gets a Markdown list for the instructor, never for students.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fileNotes, listSubmissions, markdownText } from '../batch';
import { exerciseSpec } from '../catalog';

/** The notes on a collection's files, as Markdown: one line per student with any, or a line saying there are none. */
export function copiesReport(submissions: string, slug: string): string {
  const spec = exerciseSpec(slug);
  const { students } = listSubmissions(submissions);
  const notes = fileNotes(submissions, students, [spec]);
  const lines = [...notes].filter(([, list]) => list.length > 0).map(([student, list]) => `- ${markdownText(student)}: ${list.map(markdownText).join('; ')}`);
  return [`### Copies and untouched stubs among ${students.length} submission(s) of \`${spec.slug}\``, '', ...(lines.length > 0 ? lines : ['None.']), ''].join('\n');
}

const USAGE = 'usage: npx tsx grading/github-classroom/copies.ts --submissions DIR --exercise SLUG --out FILE';

function main(argv: readonly string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { submissions: { type: 'string' }, exercise: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`${USAGE}\ncopies: ${(error as Error).message.split('. ')[0]}\n`);
    return 2;
  }
  const { submissions, exercise, out } = values;
  if (submissions === undefined || exercise === undefined || out === undefined) {
    process.stderr.write(`${USAGE}\ncopies: --submissions, --exercise and --out are all needed\n`);
    return 2;
  }
  if (!fs.existsSync(submissions) || !fs.statSync(submissions).isDirectory()) {
    process.stderr.write(`${USAGE}\ncopies: --submissions ${submissions} is not a folder: expected the unpacked submissions/ of a collection\n`);
    return 2;
  }
  fs.writeFileSync(out, copiesReport(submissions, exercise));
  process.stdout.write(`copies: written to ${out}\n`);
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
