/**
 * The figures of each exercise README's rubric, from the suite rather than
 * typed: how many graded tests and points the hidden suite has, and its rows
 * in the order the reports list the tests (by task, part and declaration).
 *
 *   npx tsx grading/readme-figures.ts          grades each reference and rewrites the rubrics
 *   npx tsx grading/readme-figures.ts --check  exits 1 when one is out of date
 *
 * grading/test/solutions.test.ts holds every README to the reference's grade:
 * the same rows in the same order, and the same counts.
 *
 * It also writes the root README's tables of measured figures (between
 * `<!-- figures: <table> -->` marks) from grading/bench/figures.json, which
 * the benchmarks write with `--record` (grading/bench/figures.ts), and the
 * root README's example of `npm test` (between
 * `<!-- npm-test-example -->` marks): the real output of an exercise's
 * `npm test` on one of its known-wrong variants, without npm's and vitest's
 * banner lines; grading/test/readme-figures.test.ts runs it again and compares.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOrExit } from './args';
import { shipped } from './catalog';
import { commands } from './commands';
import { grade } from './grade';
import { inPlace } from './impl';
import type { ExerciseResult } from './model';
import { ROOT } from './paths';
import { findVariant, stageVariant } from './variants';
import { COMMANDS, LEARNER_LOOP, LINES_ON_STUB, LINES_ON_VARIANT, SAVE_TO_SCORE, WALL_TIME, figuresTable, readFigures, type Figures } from './bench/figures';

/** A rubric row: `| task | points | test | clauses | category |`. */
const ROW = /^\| (\d+) \| (\d+) \| (.+?) \| ([A-Z]+-[\d.]+(?:, [A-Z]+-[\d.]+)*) \| (\w+) \|$/;
/** The sentence that opens a rubric: "The hidden suite (`grading/suites/<slug>/`) has N tests, M points". */
const COUNT = /(The hidden suite \(`grading\/suites\/[\w-]+\/`\) has )(\d+) tests, (\d+) points/;

/** The counts a rubric states, as its sentence says them. */
export const rubricCounts = (readme: string): { tests: number; points: number } | undefined => {
  const match = COUNT.exec(readme);
  return match ? { tests: Number(match[2]), points: Number(match[3]) } : undefined;
};

/** The README with its rubric's rows in the order of `result.tests` and its counts from them; rows are kept as written. */
export function withRubricFigures(readme: string, result: ExerciseResult): string {
  const lines = readme.split('\n');
  const rows = lines.map((line, i) => ({ line, i, name: ROW.exec(line)?.[3] })).filter((r) => r.name !== undefined);
  const byName = new Map(rows.map((r) => [r.name!, r.line]));
  const ordered = result.tests.map((t) => byName.get(t.name)).filter((line): line is string => line !== undefined);
  // Only a reordering: a row missing or extra is for solutions.test.ts to report, not for this script to invent.
  if (ordered.length === rows.length) rows.forEach((row, k) => (lines[row.i] = ordered[k]!));
  return lines.join('\n').replace(COUNT, (_, head: string) => `${head}${result.tests.length} tests, ${result.maxScore} points`);
}

/** The README's tables of measured figures (grading/bench/figures.ts): which table, its row heading, its columns. */
export const FIGURE_TABLES: readonly { readonly table: string; readonly rowHeading: string; readonly columns: readonly string[] }[] = [
  { table: LEARNER_LOOP, rowHeading: 'exercise', columns: [LINES_ON_STUB, LINES_ON_VARIANT, SAVE_TO_SCORE] },
  { table: COMMANDS, rowHeading: 'command', columns: [WALL_TIME] },
];
const FIGURES_BLOCK = /(<!-- figures: ([\w-]+) -->\n)((?:(?!<!-- \/figures -->)[\s\S])*)(<!-- \/figures -->)/g;

/** The README with each figures table written from the record. */
export function withFigureTables(readme: string, figures: Figures = readFigures()): string {
  return readme.replace(FIGURES_BLOCK, (whole, open: string, name: string, _old: string, close: string) => {
    const spec = FIGURE_TABLES.find((t) => t.table === name);
    return spec === undefined ? whole : `${open}${figuresTable(figures, spec.table, spec.rowHeading, spec.columns)}\n${close}`;
  });
}

/** The root README's example: which exercise's `npm test`, on which of its variants. */
export const EXAMPLE = { slug: 'bloom-filter', variant: 'same-hash-k-times' } as const;
const EXAMPLE_BLOCK = /(<!-- npm-test-example -->\n```\n)([\s\S]*?)(```\n<!-- \/npm-test-example -->)/;

/** What `npm test` in the exercise's folder prints on the variant, banner lines dropped, as a learner on their first run sees it. */
export async function exampleOutput(slug: string = EXAMPLE.slug, variant: string = EXAMPLE.variant): Promise<string> {
  const staged = stageVariant(await variantById(slug, variant));
  const hints = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-example-'));
  try {
    const run = spawnSync('npm', ['test'], {
      cwd: path.join(ROOT, 'exercises', slug),
      env: { ...cleanEnv(), FAULTLINE_IMPL_ROOT: staged.root, FAULTLINE_HINTS_FILE: path.join(hints, 'hints.json'), NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
    });
    const lines = run.stdout.split('\n');
    const start = lines.findIndex((line) => /^ RUN /.test(line));
    return `${lines.slice(start + 1).join('\n').trim()}\n`;
  } finally {
    staged.cleanup();
    fs.rmSync(hints, { recursive: true, force: true });
  }
}

/** The root README with its example block replaced. */
export const withExample = (readme: string, output: string): string => readme.replace(EXAMPLE_BLOCK, (_, open: string, _old: string, close: string) => `${open}${output}${close}`);
export const exampleIn = (readme: string): string | undefined => EXAMPLE_BLOCK.exec(readme)?.[2];

/** The environment a learner's shell has: none of a test runner's own variables. */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !key.startsWith('FAULTLINE_') && key !== 'NODE_OPTIONS'));

async function variantById(slug: string, id: string) {
  const variant = await findVariant(slug, id);
  if (variant === undefined) throw new Error(`readme figures: ${slug} has no variant ${id}`);
  return variant;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = parseOrExit(commands.readmeFigures, 'Rewrites the README\'s generated figures and example from the record and a fresh run.\n  --check   write nothing; exit 1, naming the files, when any is out of date').values.check === true;
  const stale: string[] = [];
  for (const spec of shipped()) {
    const run = await grade({ specs: [spec], staged: inPlace('solutions'), impl: 'solutions', seed: 1 });
    const file = path.join(ROOT, 'exercises', spec.slug, 'README.md');
    const readme = fs.readFileSync(file, 'utf8');
    const updated = withRubricFigures(readme, run.exercises[0]!);
    if (updated === readme) continue;
    stale.push(`exercises/${spec.slug}/README.md`);
    if (!check) fs.writeFileSync(file, updated);
  }
  const root = path.join(ROOT, 'README.md');
  const readme = fs.readFileSync(root, 'utf8');
  const updated = withFigureTables(withExample(readme, await exampleOutput()));
  if (updated !== readme) {
    stale.push('README.md');
    if (!check) fs.writeFileSync(root, updated);
  }
  if (check && stale.length > 0) {
    process.stderr.write(`readme figures: out of date in ${stale.join(', ')}; run npx tsx grading/readme-figures.ts\n`);
    process.exit(1);
  }
  process.stdout.write(stale.length === 0 ? 'readme figures: up to date\n' : `readme figures: rewrote ${stale.join(', ')}\n`);
}
