/**
 * `npm run reset -- <exercise> [--dry-run]` (in an exercise folder, `npm run
 * reset`): puts the stub back in the exercise's learner files (the catalog's
 * `learnerFiles`) so the learner can start it over, and starts its hint
 * ladders over too.
 *
 * Nothing is lost: the learner's current files are first copied, byte for byte,
 * to `.faultline/saved/<exercise>/<UTC time>/` (git ignores .faultline/), and
 * the output names that folder and the command that brings them back. Only
 * then are the stubs written. A file that is already its stub, or missing, is
 * not copied. Every stub is read before anything is written, so a checkout
 * that lacks them changes nothing.
 *
 * The stubs come from the clone's own git objects, pinned by blob id in
 * grading/stubs.json: grading/stubs.ts says why (not HEAD, which holds the
 * learner's commits; not a second copy, which could drift).
 *
 * Exit status: 0 when done (or, with --dry-run, when it would be done); 1 when
 * the stubs cannot be read; 2 for a usage error: an unknown exercise, more than
 * one, or an unknown option.
 *
 * For the repo's tests: FAULTLINE_IMPL_ROOT is the folder holding the
 * learner's `<exercise>/` (default exercises/, as the score reporter reads it),
 * FAULTLINE_SAVED_DIR where copies are kept (default .faultline/saved), and
 * FAULTLINE_HINTS_FILE the hint ladders (grading/hints).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseOrExit } from './args';
import { exerciseSpec } from './catalog';
import { commands } from './commands';
import { defaultLaddersFile, readLadders, writeLadders } from './hints';
import { ROOT } from './paths';
import { StubError, blobId, readPins, stubOf } from './stubs';

const HELP = `Puts the stub back in the exercise's files, after keeping yours in .faultline/saved/, and starts its hints over.
  --dry-run   say what it would do, and do nothing`;

/** A path as the learner can type it from where they ran the command. */
const shown = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
};

/** `20250314T092653Z`: UTC, sortable, and a valid folder name everywhere. */
const stamp = (now: Date): string => now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');

/** A folder that does not exist yet: the stamp, or the stamp with `-2`, `-3`… when two resets share a second. */
function freshFolder(parent: string, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(parent, n === 1 ? name : `${name}-${n}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

function main(argv: readonly string[]): number {
  // An exercise's own script names the exercise already: `npm run reset -- <exercise>` there names it twice, and the
  // parser drops the repeat.
  const { exercises, values } = parseOrExit(commands.reset, HELP, argv);
  const options = { dryRun: values['dry-run'] === true };
  const spec = exerciseSpec(exercises[0]!);
  const implRoot = path.resolve(process.env.FAULTLINE_IMPL_ROOT || path.join(ROOT, 'exercises'));
  const folder = path.join(implRoot, spec.slug);
  const pins = readPins();
  const stubs = new Map(spec.learnerFiles.map((file) => [file, stubOf(spec, file, pins)]));

  const current = (file: string): Buffer | undefined => {
    try {
      return fs.readFileSync(path.join(folder, file));
    } catch {
      return undefined;
    }
  };
  const toKeep = spec.learnerFiles.filter((file) => {
    const bytes = current(file);
    return bytes !== undefined && blobId(bytes) !== blobId(stubs.get(file)!);
  });
  const savedRoot = path.resolve(process.env.FAULTLINE_SAVED_DIR || path.join(ROOT, '.faultline', 'saved'));
  const saved = toKeep.length === 0 ? undefined : freshFolder(path.join(savedRoot, spec.slug), stamp(new Date()));
  const laddersFile = defaultLaddersFile();
  const ladders = readLadders(laddersFile);
  const climbed = ladders.exercises[spec.slug] !== undefined;

  const would = options.dryRun ? 'would ' : '';
  const lines = [`reset ${spec.slug}${options.dryRun ? ' --dry-run: nothing written' : ''}`];
  if (saved === undefined) lines.push(`  ${shown(folder)} holds the stubs already: nothing to keep`);
  else lines.push(`  ${would}keep your ${toKeep.join(', ')} in ${shown(saved)}${path.sep}`);

  if (!options.dryRun && saved !== undefined) {
    fs.mkdirSync(saved, { recursive: true });
    for (const file of toKeep) fs.copyFileSync(path.join(folder, file), path.join(saved, file), fs.constants.COPYFILE_EXCL);
  }
  for (const file of spec.learnerFiles) {
    lines.push(`  ${would}write the stub as shipped to ${shown(path.join(folder, file))}`);
    if (options.dryRun) continue;
    fs.mkdirSync(folder, { recursive: true });
    const temporary = path.join(folder, `.${file}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, stubs.get(file)!);
    fs.renameSync(temporary, path.join(folder, file));
  }
  if (climbed) {
    lines.push(`  ${would}start its hints over (${shown(laddersFile)})`);
    if (!options.dryRun) {
      writeLadders(laddersFile, { version: 1, exercises: Object.fromEntries(Object.entries(ladders.exercises).filter(([slug]) => slug !== spec.slug)) });
    }
  }
  if (saved !== undefined) lines.push(`your work back: cp ${shown(saved)}${path.sep}* ${shown(folder)}${path.sep}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof StubError) {
    process.stderr.write(`reset: nothing changed: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
