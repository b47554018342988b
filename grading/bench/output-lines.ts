/**
 * How much a learner's `npm test` prints: lines of output in each exercise's
 * folder for the stub, and for one known-wrong variant (the exercise's first,
 * staged as a submission is, grading/variants) pointed at with
 * FAULTLINE_IMPL_ROOT. A report that fits a screen is the point of the
 * learner's reporter (grading/reporters/score-reporter.ts).
 *
 *   npx tsx grading/bench/output-lines.ts [--record] [slug ...]
 *
 * Prints a Markdown table, and the output itself with DEBUG_OUTPUT=1;
 * `--record` writes the counts to grading/bench/figures.json, which the
 * README's learner-loop table is written from (grading/readme-figures.ts).
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseOrExit } from '../args';
import { shipped } from '../catalog';
import { commands } from '../commands';
import { ROOT } from '../paths';
import { ownVariants, stageVariant } from '../variants';
import { LEARNER_LOOP, LINES_ON_STUB, LINES_ON_VARIANT, recordFigures } from './figures';

const { values, exercises } = parseOrExit(
  commands.benchOutputLines,
  `Counts the lines npm test prints in each exercise (default: every shipped one), on the stub and on a known-wrong variant.
  --record   write the counts to grading/bench/figures.json, which the README's learner-loop table is written from`,
);
const slugs = exercises.length > 0 ? exercises : shipped().map((spec) => spec.slug);

function linesOf(slug: string, implRoot?: string): number {
  const run = spawnSync('npm', ['test'], {
    cwd: path.join(ROOT, 'exercises', slug),
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...(implRoot === undefined ? {} : { FAULTLINE_IMPL_ROOT: implRoot }) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}${run.stderr}`;
  if (process.env.DEBUG_OUTPUT) process.stderr.write(`----- ${slug} ${implRoot ?? 'stub'}\n${output}\n`);
  return output.replace(/\n$/, '').split('\n').length;
}

const rows = ['| exercise | stub | known-wrong variant |', '| --- | ---: | --- |'];
const record: Record<string, Record<string, string>> = {};
for (const slug of slugs) {
  const variant = (await ownVariants(slug))[0]!;
  const staged = stageVariant(variant);
  try {
    const stub = linesOf(slug);
    const wrong = linesOf(slug, staged.root);
    rows.push(`| ${slug} | ${stub} | ${wrong} (${variant.name}) |`);
    record[slug] = { [LINES_ON_STUB]: String(stub), [LINES_ON_VARIANT]: `${wrong} (${variant.name})` };
  } finally {
    staged.cleanup();
  }
}
process.stdout.write(`${rows.join('\n')}\n`);
if (values.record) recordFigures(LEARNER_LOOP, record, 'npx tsx grading/bench/output-lines.ts --record');
