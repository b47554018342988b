/**
 * tsx grading/gradescope/stage.ts SUBMISSION OUT [SLUG ...]
 *
 * Lays a Gradescope submission out the way `grade --submission DIR` reads one:
 * `OUT/exercises/<slug>/<learner file>`. Students upload either the whole repo
 * (a GitHub or Bitbucket upload, or a zip of it) or just the files they edited,
 * dragged in loose or in folders; for each learner file of each exercise the
 * first of these that is a regular file is taken:
 *
 *   1. `exercises/<slug>/<file>`, as in the repo;
 *   2. `<slug>/<file>`;
 *   3. `<file>` at the top of the submission;
 *   4. the one `<file>` anywhere else in the submission (at most 8 folders
 *      deep, never through a symbolic link, never inside node_modules/ or .git/),
 *      preferring one whose folder is named `<slug>`; when several remain,
 *      none is taken and the ambiguity is printed.
 *
 * Only learner files (regular files of at most 5 MiB, reached through no
 * symbolic link) are copied, and only their contents: the grader takes
 * everything else from its own checkout anyway. A file that is not found is
 * left out, and the grader notes it in the report. Prints one line per file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exerciseSpec, shipped, type ExerciseSpec } from '../catalog';

const MAX_DEPTH = 8;
/** A learner file larger than this is not a source file anyone wrote by hand: it is left out. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
const SKIP = new Set(['node_modules', '.git']);

/** Whether `root/rel` is a regular file of at most MAX_FILE_BYTES, with no symbolic link on the way. */
function isRegularFile(root: string, rel: string): boolean {
  try {
    const parts = rel.split(path.sep);
    for (let i = 1; i < parts.length; i++) {
      if (!fs.lstatSync(path.join(root, ...parts.slice(0, i))).isDirectory()) return false;
    }
    const stat = fs.lstatSync(path.join(root, rel));
    return stat.isFile() && stat.size <= MAX_FILE_BYTES;
  } catch {
    return false;
  }
}

/** Every regular file under `root`, relative to it, within the depth and entry bounds. */
function listFiles(root: string): string[] {
  const found: string[] = [];
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (++seen > MAX_ENTRIES) return;
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIP.has(entry.name)) walk(rel, depth + 1);
      else if (entry.isFile() && isRegularFile(root, rel)) found.push(rel);
    }
  };
  walk('', 0);
  return found;
}

type Placement = { readonly from: string } | { readonly missing: string };

/** Where in `submission` each learner file of `spec` comes from (paths relative to `submission`). */
function locate(submission: string, spec: ExerciseSpec, files: () => readonly string[]): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  for (const file of spec.learnerFiles) {
    const direct = [path.join('exercises', spec.slug, file), path.join(spec.slug, file), file].find((rel) => isRegularFile(submission, rel));
    if (direct !== undefined) {
      placements.set(file, { from: direct });
      continue;
    }
    const anywhere = files().filter((rel) => path.basename(rel) === file);
    const inSlug = anywhere.filter((rel) => path.basename(path.dirname(rel)) === spec.slug);
    const pick = inSlug.length > 0 ? inSlug : anywhere;
    if (pick.length === 1) placements.set(file, { from: pick[0]! });
    else if (pick.length === 0) placements.set(file, { missing: 'not found in the submission' });
    else placements.set(file, { missing: `found ${pick.length} times (${pick.slice(0, 5).join(', ')}), so none was taken` });
  }
  return placements;
}

function main(argv: readonly string[]): number {
  const [submission, out, ...slugs] = argv;
  if (!submission || !out) {
    console.error('usage: tsx grading/gradescope/stage.ts SUBMISSION OUT [SLUG ...]');
    return 2;
  }
  const specs = slugs.length > 0 ? slugs.map(exerciseSpec) : shipped();
  let files: string[] | undefined;
  const lazyFiles = () => (files ??= listFiles(submission));
  for (const spec of specs) {
    const into = path.join(out, 'exercises', spec.slug);
    fs.mkdirSync(into, { recursive: true });
    for (const [file, placement] of locate(submission, spec, lazyFiles)) {
      const target = `exercises/${spec.slug}/${file}`;
      if ('missing' in placement) {
        console.log(`stage: ${target}: ${placement.missing}`);
        continue;
      }
      fs.writeFileSync(path.join(into, file), fs.readFileSync(path.join(submission, placement.from)));
      console.log(`stage: ${target} <- ${placement.from}`);
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
