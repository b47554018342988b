/**
 * The `## Hints` section of every exercise README, written from the hint data
 * (grading/hints/<slug>.ts), so the README and the reports never disagree.
 * Only the first stage of each task is there: the later ones, down to the one
 * that nearly tells, come one at a time from `npm run hint` and from your own
 * runs (as rustlings and Exercism give theirs), never from reading ahead.
 *
 *   npx tsx grading/hints/readme.ts          rewrites the sections
 *   npx tsx grading/hints/readme.ts --check  exits 1 when one is out of date
 *
 * grading/test/hints.test.ts fails while a README is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog, type ExerciseSpec } from '../catalog';
import { ROOT } from '../paths';
import { anchorOf, hintCommand, stagesOf } from './index';
import type { HintStage } from './types';

/** A task's stages: the hint data's by default; `npm run new-exercise` passes those of an exercise not yet in it. */
export type StagesFor = (task: number) => readonly HintStage[];

const HEADING = '## Hints';

/** Escapes angle brackets and ampersands outside code spans: there they would open tags; inside, entities show as typed. */
const prose = (text: string): string =>
  text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');

/** The section, from its heading to the end of the README (it is always the last section). */
export function hintsSection(spec: ExerciseSpec, stagesFor: StagesFor = (task) => stagesOf(spec.slug, task)): string {
  const lines = [
    HEADING,
    '',
    "Your test runs show one hint per task you have started, beside that task's",
    "failures. The first nudges; it is below. A later run in which you changed that",
    "task's code but it earned no more points shows the next, and the last nearly",
    'tells. `npm run hint -- <task>` shows the next one now.',
    '',
    `<!-- Written by grading/hints/readme.ts from grading/hints/${spec.slug}.ts: edit that file, then run \`npx tsx grading/hints/readme.ts\`. -->`,
  ];
  for (const task of spec.tasks) {
    lines.push('', `**Task ${task.id} · ${task.title}**`, '');
    const stages = stagesFor(task.id);
    const stage = stages[0];
    if (stage === undefined) continue;
    const read = [
      ...(stage.readme === undefined ? [] : [`[${prose(stage.readme)}](#${anchorOf(stage.readme)})`]),
      ...(stage.paper === undefined ? [] : [prose(stage.paper)]),
    ];
    lines.push(
      `<details><summary>Hint 1 of ${stages.length}</summary>`,
      '',
      prose(stage.text),
      ...(read.length === 0 ? [] : ['', `Read: ${read.join('; ')}.`]),
      '',
      `The next: \`${hintCommand(spec.slug, task.id)}\`.`,
      '',
      '</details>',
    );
  }
  lines.push('', `From the repository root: \`${hintCommand(spec.slug, '<task>')}\`.`);
  return `${lines.join('\n')}\n`;
}

const readmeOf = (spec: ExerciseSpec): string => path.join(ROOT, 'exercises', spec.slug, 'README.md');

/** The README with its hints section as the data says; the text before the section is kept as it is. */
export function withHintsSection(spec: ExerciseSpec, readme: string, stagesFor?: StagesFor): string {
  const at = readme.search(/^## Hints$/m);
  const before = at < 0 ? `${readme.trimEnd()}\n\n` : readme.slice(0, at);
  return before + hintsSection(spec, stagesFor);
}

/** The exercises whose README's hints section differs from the data. */
export function staleReadmes(): string[] {
  return catalog.filter((spec) => {
    const readme = fs.readFileSync(readmeOf(spec), 'utf8');
    return withHintsSection(spec, readme) !== readme;
  }).map((spec) => spec.slug);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = staleReadmes();
    if (stale.length > 0) {
      process.stderr.write(`hints: out of date in ${stale.map((s) => `exercises/${s}/README.md`).join(', ')}; run npx tsx grading/hints/readme.ts\n`);
      process.exit(1);
    }
  } else {
    for (const spec of catalog) {
      const file = readmeOf(spec);
      fs.writeFileSync(file, withHintsSection(spec, fs.readFileSync(file, 'utf8')));
    }
  }
}
