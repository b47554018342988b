/**
 * `npm run hint -- <exercise> [task]`, at the root or in the exercise (where
 * `npm run hint -- [task]` also works): the next staged hint of a task, now,
 * with the ones before it.
 * Without a task it lists how many hints of each task you have seen. Your
 * test runs show the hint you have reached beside each task's failures
 * (grading/hints/index.ts says when they move on by themselves).
 *
 * Exit status: 0; 2 for a usage error (an unknown exercise, task or option).
 */
import { exitWithUsage, parseOrExit } from './args';
import { exerciseSpec } from './catalog';
import { commands } from './commands';
import { defaultLaddersFile, hintCommand, readLadders, referenceOf, revealNext, stagesOf } from './hints';

const HELP = `Shows a task's next hint, with the ones before it; without a task, how many hints of each task you have seen.
In an exercise's folder: npm run hint -- [task]`;

// An exercise's own script names the exercise already, and the command the reports print names it too: the parser drops
// the repeat, so the command works in both places.
const { exercises, words } = parseOrExit(commands.hint, HELP);
const slug = exercises[0]!;
const taskArg = words.task;
const spec = exerciseSpec(slug);
const file = defaultLaddersFile();

if (taskArg === undefined) {
  const ladders = readLadders(file);
  const width = Math.max(...spec.tasks.map((t) => t.title.length));
  const lines = [`${spec.slug} — ${spec.title}: hints seen`, ''];
  for (const task of spec.tasks) {
    const seen = ladders.exercises[spec.slug]?.[String(task.id)]?.shown ?? 0;
    lines.push(`  Task ${task.id}  ${task.title.padEnd(width)}  ${seen} of ${stagesOf(spec.slug, task.id).length}`);
  }
  lines.push('', `${hintCommand(spec.slug, '<task>')} shows a task's next hint.`);
  process.stdout.write(`${lines.join('\n')}\n`);
} else {
  const task = spec.tasks.find((t) => String(t.id) === taskArg);
  if (task === undefined) exitWithUsage(commands.hint, `${spec.slug} has tasks ${spec.tasks.map((t) => t.id).join(', ')}, not "${taskArg}"`);
  const { shown, stages } = revealNext(spec.slug, task.id, file);
  const lines = [`${spec.slug}, task ${task.id} · ${task.title}: hint ${shown.length} of ${stages}`, ''];
  shown.forEach((stage, i) => {
    lines.push(`${i + 1}. ${stage.text}`);
    const reference = referenceOf(spec.slug, stage);
    if (reference) lines.push(`   read: ${reference}`);
    lines.push('');
  });
  lines.push(shown.length < stages ? `Still stuck? ${hintCommand(spec.slug, task.id)} shows the next.` : 'That is the last hint for this task.');
  process.stdout.write(`${lines.join('\n')}\n`);
}
