/**
 * How much a learner's `npm test` prints: lines of output in each exercise's
 * folder for the stub, and for one known-wrong variant (the exercise's first,
 * staged as a submission is, grading/variants) pointed at with
 * FAULTLINE_IMPL_ROOT. A report that fits a screen is the point of the
 * learner's reporter (grading/reporters/score-reporter.ts).
 *
 *   npx tsx grading/bench/output-lines.ts [slug ...]
 *
 * Prints a Markdown table, and the output itself with DEBUG_OUTPUT=1.
 */
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { shipped } from '../catalog';
import { ROOT } from '../paths';
import { ownVariants, stageVariant } from '../variants';

const slugs = process.argv.length > 2 ? process.argv.slice(2) : shipped().map((spec) => spec.slug);

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
for (const slug of slugs) {
  const variant = (await ownVariants(slug))[0]!;
  const staged = stageVariant(variant);
  try {
    rows.push(`| ${slug} | ${linesOf(slug)} | ${linesOf(slug, staged.root)} (${variant.name}) |`);
  } finally {
    staged.cleanup();
  }
}
process.stdout.write(`${rows.join('\n')}\n`);
