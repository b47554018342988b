/**
 * tsx grading/gradescope/stage.ts SUBMISSION OUT [SLUG ...]
 *
 * Shows what the grader takes from an upload, and lays it out the way the
 * repository does: `OUT/exercises/<slug>/<learner file>`. It finds the files by
 * the one rule `grade --submission` and `grade --batch` use (grading/submission.ts:
 * `exercises/<slug>/<file>`, `<slug>/<file>`, `<file>` at the top, then the one
 * `<file>` anywhere up to 8 folders deep; regular files of at most 5 MiB, no
 * symbolic links, never node_modules/ or .git/; several equal candidates: none).
 *
 * run_autograder grades the upload itself with `grade --submission`, which
 * takes the same files and records where each came from; this script is for
 * an instructor asking, before grading, what a given upload holds. Prints one
 * line per learner file: where it was taken from, or what was found instead.
 * Exit status: 0 when every file was found, 1 when one was not, 2 on a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalog, shipped } from '../catalog';
import { expectedPath, takeSubmission } from '../submission';

function main(argv: readonly string[]): number {
  const [submission, out, ...slugs] = argv;
  const unknown = slugs.filter((slug) => !catalog.some((e) => e.slug === slug));
  if (!submission || !out || unknown.length > 0) {
    // The reason last, under the usage line, where it is read.
    console.error('usage: tsx grading/gradescope/stage.ts SUBMISSION OUT [SLUG ...]');
    if (unknown.length > 0) console.error(`stage: unknown exercise ${unknown.map((s) => `"${s}"`).join(', ')}; known: ${catalog.map((e) => e.slug).join(', ')}`);
    else console.error('stage: needs the submission folder and a folder to lay its learner files out in');
    return 2;
  }
  const specs = slugs.length > 0 ? catalog.filter((e) => slugs.includes(e.slug)) : shipped();
  let missing = 0;
  for (const exercise of takeSubmission(submission, specs)) {
    const into = path.join(out, 'exercises', exercise.slug);
    fs.mkdirSync(into, { recursive: true });
    for (const taken of exercise.submitted.files) {
      fs.writeFileSync(path.join(into, taken.file), exercise.contents.get(taken.file)!);
      console.log(`stage: ${expectedPath(exercise.slug, taken.file)} <- ${taken.from} (sha256 ${taken.sha256})`);
    }
    for (const file of exercise.submitted.missing) {
      missing++;
      console.log(`stage: ${file.expected}: not found: ${file.found}`);
    }
  }
  return missing === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
