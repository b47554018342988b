/**
 * The README's figures are what the code does, not what someone typed: its
 * example of `npm test` is the real output, byte for byte (written by
 * grading/readme-figures.ts). The rubric's rows and counts are held to the
 * reference's grade in solutions.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { EXAMPLE, exampleIn, exampleOutput } from '../readme-figures';
import { ROOT } from './support';

test(`the README's example is what npm test prints in exercises/${EXAMPLE.slug} on ${EXAMPLE.variant} (npx tsx grading/readme-figures.ts rewrites it)`, async () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const shown = exampleIn(readme);
  expect(shown, 'the README has an <!-- npm-test-example --> block').toBeDefined();
  const printed = await exampleOutput();
  expect(shown).toBe(printed);
  // It fits a screen: the point of the learner's report.
  expect(printed.split('\n').length).toBeLessThanOrEqual(60);
});
