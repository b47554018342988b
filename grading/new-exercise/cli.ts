/**
 * npm run new-exercise: lays out the next exercise as a draft, every file it
 * needs in the shape the repo's tests check, with placeholders marked
 * TODO(draft), and prints what it still lacks.
 *
 *   npm run new-exercise -- <slug> [--title TEXT] [--prefix LETTERS] [--dry-run]
 *   npm run new-exercise -- --lint <slug>      what it still lacks (the same as npm run check -- <slug>)
 *   npm run new-exercise -- --remove <slug>    takes a draft out again, files and shared lines alike
 *
 * Exit status: 0 when done; 1 when --lint finds something missing; 2 for a
 * usage error or input it refuses (a slug that is not kebab-case or is taken,
 * a clause prefix that clashes, leftovers of an earlier draft).
 */
import path from 'node:path';
import { checkExercise, exitWithUsage, parseOrExit, UsageError } from '../args';
import { catalog, exerciseSpec } from '../catalog';
import { commands } from '../commands';
import { ROOT } from '../paths';
import { checklist, renderChecklist } from './checklist';
import { ScaffoldError, prefixFromSlug } from './names';
import { planScaffold, removeDraft, writeScaffold } from './scaffold';

const HELP = `Lays out exercises/<slug>, solutions/<slug>, grading/suites/<slug> (ledger, suite, one known-wrong
variant), grading/hints/<slug>.ts and its allow-list, and adds a draft entry to grading/catalog.ts,
its paths to tsconfig.json and its hints to grading/hints/index.ts. The draft type-checks and passes
the repo's tests; every placeholder is marked TODO(draft), and npm run check -- <slug> lists what is missing.

  <slug>            kebab-case, new: consistent-hashing
  --title TEXT      the title learners read (default: from the slug, "Consistent hashing")
  --prefix LETTERS  the clause prefix, 2 to 8 capitals, unused (default: from the slug, CH)
  --dry-run         list what it would write, and write nothing
  --lint <slug>     print what an exercise still lacks (npm run check -- <slug>)
  --remove <slug>   remove a draft: its files, its catalog entry, paths and hints
  --help            show this`;

async function main(argv: readonly string[]): Promise<number> {
  const { values, words } = parseOrExit(commands.newExercise, HELP, argv);
  const slug = words.slug!;
  if (values.lint && values.remove) throw new UsageError('--lint and --remove go one at a time');
  if ((values.lint || values.remove) && (values.title !== undefined || values.prefix !== undefined || values['dry-run'])) {
    throw new UsageError('--title, --prefix and --dry-run go with a new exercise, not with --lint or --remove');
  }

  if (values.lint) {
    checkExercise(slug);
    const spec = exerciseSpec(slug);
    const items = await checklist(spec);
    process.stdout.write(renderChecklist(spec, items));
    return items.every((i) => i.ok) ? 0 : 1;
  }
  if (values.remove) {
    const removed = removeDraft(slug);
    process.stdout.write(`new-exercise: removed the draft ${slug}:\n${removed.map((r) => `  ${r}`).join('\n')}\n`);
    return 0;
  }

  const scaffold = planScaffold({ slug, ...(values.title === undefined ? {} : { title: values.title }), ...(values.prefix === undefined ? {} : { prefix: values.prefix }) });
  const { spec } = scaffold;
  const listing = [
    ...[...scaffold.files.keys()].map((file) => `  create  ${file}`),
    ...[...scaffold.edits.keys()].map((file) => `  edit    ${file}`),
  ].join('\n');
  const about = `${spec.slug}: "${spec.title}", clause ids ${spec.clausePrefix}-<task>.<n>${values.prefix === undefined && spec.clausePrefix === prefixFromSlug(slug) ? ' (--prefix to choose others)' : ''}`;
  if (values['dry-run']) {
    process.stdout.write(`new-exercise: would lay out ${about}, writing nothing now:\n${listing}\n`);
    return 0;
  }
  writeScaffold(scaffold);
  process.stdout.write(`new-exercise: laid out ${about}, a draft:\n${listing}\n\n`);
  process.stdout.write(renderChecklist(spec, await checklist(spec, ROOT, [...catalog, spec])));
  process.stdout.write(`\nnext: open ${path.join('exercises', slug, 'README.md')} and replace each TODO(draft); npm run check -- ${slug} shows where you are.\n`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    exitWithUsage(commands.newExercise, error.message);
  } else if (error instanceof ScaffoldError) {
    process.stderr.write(`new-exercise: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
