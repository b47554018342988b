/**
 * npm run check: what an exercise still lacks before it is done (DESIGN.md,
 * "When an exercise is done"), as a checklist with the command or file that
 * fixes each item (grading/new-exercise/checklist.ts), then what only a
 * person can check.
 *
 *   npm run check -- [<slug> ...]     every exercise when no slug is given
 *
 * Exit status: 0 when every exercise asked about is done; 1 when one lacks
 * something (a draft always does: it is marked a draft); 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import { catalog, exerciseSpec } from './catalog';
import { checklist, renderChecklist } from './new-exercise/checklist';

const USAGE = `usage: npm run check -- [<slug> ...]
exercises: ${catalog.map((e) => `${e.slug}${e.draft ? ' (draft)' : ''}`).join(', ')}`;

function parse() {
  try {
    return parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`check: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}
const parsed = parse();
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const unknown = parsed.positionals.filter((slug) => !catalog.some((e) => e.slug === slug));
if (unknown.length > 0) {
  process.stderr.write(`check: no exercise ${unknown.map((s) => `"${s}"`).join(', ')}\n${USAGE}\n`);
  process.exit(2);
}
const specs = parsed.positionals.length > 0 ? parsed.positionals.map(exerciseSpec) : catalog;
let missing = 0;
for (const spec of specs) {
  const items = await checklist(spec);
  missing += items.filter((i) => !i.ok).length;
  process.stdout.write(`${renderChecklist(spec, items)}\n`);
}
process.exitCode = missing === 0 ? 0 : 1;
