/**
 * A new exercise's README, with every section DESIGN.md asks for ("When an
 * exercise is done"): the concept, where real systems use it, the loop, where
 * to start, the tasks with their clause ids, the rubric (the table
 * grading/test/solutions.test.ts reads) and the hints (written by
 * grading/hints/readme.ts from the hint data, as for every exercise).
 */
import type { ExerciseSpec } from '../catalog';
import { hintsSection } from '../hints/readme';
import { PLACEHOLDER } from './names';
import type { DraftContent } from './draft';

const fence = '```';

export function readmeFile(d: DraftContent, spec: ExerciseSpec): string {
  const { slug, title, prefix } = d.names;
  const rubric = d.tests.map((t) => `| ${t.task} | ${t.points} | ${t.name} | ${t.clauses.join(', ')} | ${t.category} |`);
  const total = d.tests.reduce((sum, t) => sum + t.points, 0);
  const body = `# ${title}

${PLACEHOLDER} the concept in a paragraph: what it is, the one question it
answers, what it costs and what it never does.

**Where real systems use it.** ${PLACEHOLDER} two or three systems, each with
the paper section, source file or issue to read.

${PLACEHOLDER} what you build here, in one sentence.

## The loop

${fence}sh
cd exercises/${slug}
npm test          # visible tests + the hidden graded suite, then your score per task
npm run watch     # the same, re-run on every save
${fence}

You edit one file, \`${d.file}\`. Every failure prints the seed and a
command that reruns just that test, for example:

${fence}sh
cd exercises/${slug} && FAULTLINE_SEED=1 npm test -- -t '${d.tests[0]!.name}'
${fence}

## Where to start

${PLACEHOLDER} the first thing to read, and the first visible test to make pass.

## Tasks

One rule holds for the whole exercise. [${prefix}-0.1] ${PLACEHOLDER} a rule
of the whole exercise (errors, purity, ownership, units), or delete it here,
in the stub and in the ledger.

### ${d.taskHeading(d.tasks[0]!)}

${PLACEHOLDER} the task's exact contract, a clause id in brackets before each
rule. The placeholder:

- [${prefix}-1.1] \`${d.fn}(value)\` returns \`value\` unchanged.

## Rubric

The hidden suite (\`grading/suites/${slug}/\`) has ${d.tests.length} test${d.tests.length === 1 ? '' : 's'}, ${total} points; the
clauses column names the clauses of this README each test checks.

| task | points | test | clauses | category |
|---|---:|---|---|---|
${rubric.join('\n')}

`;
  return body + hintsSection(spec, (task) => d.hints[task] ?? []);
}
