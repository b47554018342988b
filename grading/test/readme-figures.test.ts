/**
 * The README's figures are what the code does, not what someone typed: its
 * example of `npm test` is the real output, byte for byte (written by
 * grading/readme-figures.ts), and its tables of measured figures say what the
 * benchmarks recorded in grading/bench/figures.json. The rubric's rows and
 * counts are held to the reference's grade in solutions.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { FIGURE_TABLES, EXAMPLE, exampleIn, exampleOutput, withFigureTables } from '../readme-figures';
import { readFigures } from '../bench/figures';
import { ROOT } from './support';
import { shipped } from '../catalog';

test(`the README's example is what npm test prints in exercises/${EXAMPLE.slug} on ${EXAMPLE.variant} (npx tsx grading/readme-figures.ts rewrites it)`, async () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const shown = exampleIn(readme);
  expect(shown, 'the README has an <!-- npm-test-example --> block').toBeDefined();
  const printed = await exampleOutput();
  expect(shown).toBe(printed);
  // It fits a screen: the point of the learner's report.
  expect(printed.split('\n').length).toBeLessThanOrEqual(60);
});

test('the README’s tables of measured figures say exactly what the benchmarks recorded (npx tsx grading/readme-figures.ts rewrites them)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const { table } of FIGURE_TABLES) expect(readme, `a <!-- figures: ${table} --> block`).toContain(`<!-- figures: ${table} -->`);
  expect(withFigureTables(readme)).toBe(readme);
  // Every exercise has its learner-loop figures recorded.
  const loop = readFigures()['learner-loop'] ?? {};
  for (const spec of shipped()) expect(Object.keys(loop[spec.slug] ?? {}).length, spec.slug).toBe(FIGURE_TABLES[0]!.columns.length);
});
