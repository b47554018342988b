/**
 * What an exercise still lacks, as a checklist: `npm run check -- <slug>`
 * prints it, `npm run new-exercise` prints it for the exercise it lays out,
 * and grading/test/drafts.test.ts makes each missing item of a draft a todo
 * and fails an exercise that is not a draft but misses any.
 *
 * The items are the parts of DESIGN.md's "When an exercise is done" that can
 * be read off the checkout in a moment. What needs a run (the reference at
 * 100 and the stub at 0, the rubric, the ledger, every variant losing its
 * points) is what the repo's own tests prove for every exercise, drafts
 * included; the rest is by hand, and listed as such.
 */
import fs from 'node:fs';
import path from 'node:path';
import { catalog, isDraft, maxPoints, type ExerciseSpec } from '../catalog';
import { ROOT } from '../paths';
import { ownVariants, redTeams } from '../variants';
import { catalogEntryText, CATALOG } from './edits';
import { PLACEHOLDER } from './names';

/** One thing a finished exercise has. */
export interface CheckItem {
  readonly id: string;
  /** What done means, in a line. */
  readonly title: string;
  readonly ok: boolean;
  /** When not ok: what is missing, a line each. */
  readonly missing: readonly string[];
  /** The command or the file that fixes it. */
  readonly fix: string;
}

/** DESIGN.md asks for at least this many known-wrong variants of our own, and this many from a blind red team. */
export const MIN_OWN_VARIANTS = 12;
export const MIN_RED_TEAM_VARIANTS = 20;

const read = (root: string, file: string): string | undefined => {
  try {
    return fs.readFileSync(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
};

/** Every file under `dir` (relative to root), depth first, in name order. */
function filesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [dir];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => filesUnder(root, path.join(dir, entry.name)));
}

/** Each file of the exercise that still holds a placeholder: how many, and the first line. */
function placeholders(spec: ExerciseSpec, root: string): string[] {
  const found: string[] = [];
  const count = (file: string, text: string, lineOffset = 0) => {
    const lines = text.split('\n');
    const hits = lines.filter((line) => line.includes(PLACEHOLDER)).length;
    if (hits > 0) found.push(`${file}: ${hits} (the first on line ${lineOffset + lines.findIndex((line) => line.includes(PLACEHOLDER)) + 1})`);
  };
  const catalogText = read(root, CATALOG) ?? '';
  const entry = catalogEntryText(catalogText, spec.slug);
  if (entry !== undefined) count(CATALOG, catalogText.slice(entry.start + 1, entry.end), catalogText.slice(0, entry.start + 1).split('\n').length - 1);
  const mine = [`exercises/${spec.slug}`, `solutions/${spec.slug}`, `grading/suites/${spec.slug}`, `grading/hints/${spec.slug}.ts`];
  for (const file of mine.flatMap((dir) => filesUnder(root, dir))) count(file, read(root, file) ?? '');
  return found;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The row of the README's exercise table that `grading/test/catalog.test.ts` expects for the exercise. */
export function readmeTableRow(spec: ExerciseSpec, known: readonly ExerciseSpec[] = catalog): string {
  const n = known.filter((e) => !isDraft(e) || e.slug === spec.slug).findIndex((e) => e.slug === spec.slug) + 1;
  const tasks = spec.tasks.map((t) => t.title.toLowerCase()).join(' · ');
  return `| ${n} | ${spec.title} | [\`exercises/${spec.slug}\`](exercises/${spec.slug}/README.md) | ${tasks} | ${maxPoints(spec)} |`;
}

const item = (id: string, title: string, missing: readonly string[], fix: string): CheckItem => ({ id, title, ok: missing.length === 0, missing, fix });

/** The checklist of one exercise, read from the checkout at `root`. */
export async function checklist(spec: ExerciseSpec, root: string = ROOT, known: readonly ExerciseSpec[] = catalog): Promise<CheckItem[]> {
  const { slug } = spec;
  const readme = read(root, `exercises/${slug}/README.md`) ?? '';
  const rootReadme = read(root, 'README.md') ?? '';
  const own = await ownVariants(slug, root);
  const teams = redTeams(slug, root);
  const costs = JSON.parse(read(root, 'grading/reference-costs.json') ?? '{"exercises":{}}') as { exercises: Record<string, Record<string, number>> };
  const measured = Object.keys(costs.exercises[slug] ?? {}).length;
  const headings = new Set(readme.split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => line.replace(/^#+ /, '')));
  const sections = [
    ...(/where real systems use it|where you meet it/i.test(readme) ? [] : ['where real systems use it (a "**Where real systems use it.**" paragraph)']),
    ...['Tasks', 'Rubric', 'Hints'].filter((h) => !headings.has(h)).map((h) => `## ${h}`),
    ...spec.tasks.map((t) => `${t.id}. ${t.title} — ${t.points} points`).filter((h) => !headings.has(h)).map((h) => `### ${h}`),
  ];
  const row = readmeTableRow(spec, known);
  const mutationRow = new RegExp(`^\\| ${escape(spec.title)} \\| \\d+ \\|`, 'm');
  const allowList = `grading/mutation/equivalent/${slug}.json`;

  return [
    item(
      'placeholders',
      `no ${PLACEHOLDER} left: every placeholder replaced by the real text`,
      placeholders(spec, root),
      `each mark says what belongs there (grep -rn '${PLACEHOLDER}' exercises/${slug} solutions/${slug} grading/suites/${slug} grading/hints/${slug}.ts grading/catalog.ts)`,
    ),
    item('points', 'the tasks add up to 100 points', maxPoints(spec) === 100 ? [] : [`they add up to ${maxPoints(spec)}`], 'the tasks of its entry in grading/catalog.ts, then the suite, the README task headings and rubric'),
    item('readme', 'the README has the concept, where real systems use it, tasks, rubric and hints', sections.map((s) => `no ${s}`), `exercises/${slug}/README.md (the Bloom filter's is the model)`),
    item(
      'variants',
      `at least ${MIN_OWN_VARIANTS} known-wrong variants of ours, each a classic mistake`,
      own.length >= MIN_OWN_VARIANTS ? [] : [`${own.length} in grading/suites/${slug}/broken/variants.ts`],
      `an entry in grading/suites/${slug}/broken/variants.ts; solutions/${slug}/${spec.entry} copied to /tmp/v/exercises/${slug}/, the mistake made and its story in the opening doc comment; npm run variant -- ${slug} <name> --save /tmp/v`,
    ),
    item(
      'red-team',
      `a blind red team's round of at least ${MIN_RED_TEAM_VARIANTS} variants, with its own correct base`,
      teams.some((t) => t.variants.length >= MIN_RED_TEAM_VARIANTS)
        ? []
        : [teams.length === 0 ? `no grading/suites/${slug}/broken/redteam/` : `rounds of ${teams.map((t) => t.variants.length).join(', ')} variants`],
      `grading/redteam/BRIEF.md: npx tsx grading/redteam/blind-copy.ts ${slug} /tmp/${slug}-red, then grade.ts and import.ts (README, "Contract ledgers and the blind red team")`,
    ),
    item(
      'costs',
      "the reference's CPU time per graded test, measured on a busy machine",
      measured > 0 ? [] : [`grading/reference-costs.json has nothing for ${slug}`],
      `npm run stress -- --seeds 1-10 --split --jobs 10 --burners 4 --write-costs ${slug} (solutions.test.ts then holds every budget to 4 times it)`,
    ),
    item(
      'mutation',
      'mutation-tested: an exact allow-list of equivalent mutants and a row in the README\'s mutation table',
      [...(fs.existsSync(path.join(root, allowList)) ? [] : [`no ${allowList}`]), ...(mutationRow.test(rootReadme) ? [] : [`no row for ${spec.title} in README.md's "Mutation testing" table`])],
      `npm run mutation -- ${slug}; each survivor gets a test, or goes in ${allowList} with why it is equivalent; then the row (and grading/mutation/gate.ts if it runs in a few minutes)`,
    ),
    item('readme-table', "listed in the README's exercise table", rootReadme.includes(`\n${row}\n`) ? [] : ['no row'], `add to README.md's "Exercises" table: ${row}`),
    item(
      'draft',
      'not a draft any more',
      isDraft(spec) ? ['marked draft: true'] : [],
      `when everything above is done, delete "draft: true" from its entry in grading/catalog.ts: the repo's tests then hold it to all of this`,
    ),
  ];
}

/** What no check here can see: DESIGN.md's "When an exercise is done", by hand. */
export const byHand = (slug: string): string[] => [
  'a model-based test of the whole public API: every method, every input type the signatures allow, both ends of every range, the caller mutating what it got back',
  'a protocol: the simulator with every fault that matters, invariants after every event, a liveness phase, every cluster size the contract allows; storage: a crash at every storage call from an empty disk',
  'statistical checks only on fixed seeds, with bounds calibrated on the reference',
  'each known-wrong variant of ours traced to a real source (an issue, a paper, a postmortem) in its patch',
  `the reference at 100 % for seeds 1–50: npm run stress -- ${slug}`,
  'a timeline page for every simulated failure, and a benchmark script in grading/bench/',
  `budgets on 2 cores: the hidden suite on the reference within 10 s (npm run grade -- ${slug} --solutions); cd exercises/${slug} && npm test within a few seconds more`,
];

/** The checklist as the terminal shows it. */
export function renderChecklist(spec: ExerciseSpec, items: readonly CheckItem[]): string {
  const missing = items.filter((i) => !i.ok);
  const lines = [`${spec.slug} — ${spec.title}${isDraft(spec) ? ' (draft)' : ''}`, ''];
  for (const i of items) {
    lines.push(`  ${i.ok ? '✓' : '✗'} ${i.title}`);
    if (i.ok) continue;
    for (const m of i.missing) lines.push(`      ${m}`);
    lines.push(`      fix: ${i.fix}`);
  }
  lines.push(
    '',
    '  by hand (not checked here):',
    ...byHand(spec.slug).map((line) => `    - ${line}`),
    '',
    "  the repo's tests of this exercise, drafts included (the reference scores 100 and the stub 0, rubric, ledger, variants, hints):",
    `    npx tsc -p tsconfig.json && npx vitest run --project self grading/test/{catalog,solutions,ledger,broken,drafts}.test.ts -t ${spec.slug}`,
    "    npx vitest run --project self grading/test/hints.test.ts -t 'the hint data'",
    '',
    missing.length === 0 ? `${spec.slug}: done, ${items.length} of ${items.length} checks` : `${spec.slug}: ${missing.length} of ${items.length} checks missing: ${missing.map((i) => i.id).join(', ')}`,
  );
  return `${lines.join('\n')}\n`;
}
