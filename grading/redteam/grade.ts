/**
 * Grades a red team's work (grading/redteam/BRIEF.md): its correct base, and
 * every wrong variant (the base with the variant's files laid over it), each
 * as a submission, at one seed. Lists the variants that kept full marks: each
 * is a gap in the suite, or a variant that is right under the contract.
 *
 *   npx tsx grading/redteam/grade.ts <slug> <DIR> [--seed N] [--only NAME,...] [--merge]
 *
 * DIR holds `base/` (the learner files), `variants/<name>/` and
 * `variants/manifest.json`. Writes `DIR/graded-seed<N>.json` (with `--merge`,
 * replaces only the entries of what it graded now: `--only base --merge`
 * regrades the base and keeps every variant's result), and exits 1 when a
 * variant scored full marks or the base did not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exerciseSpec, maxPoints } from '../catalog';
import { grade } from '../grade';
import { stageSubmission } from '../impl';

interface ManifestEntry {
  readonly name: string;
  readonly files: readonly string[];
  readonly clause: string;
  readonly mistake: string;
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string', default: '1' }, only: { type: 'string' }, merge: { type: 'boolean', default: false } } });
const [slug, dirArg] = positionals;
if (slug === undefined || dirArg === undefined) {
  console.error('usage: npx tsx grading/redteam/grade.ts <slug> <DIR> [--seed N] [--only NAME,...] [--merge]');
  process.exit(2);
}
const spec = exerciseSpec(slug);
const dir = path.resolve(dirArg);
const seed = Number(values.seed);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'variants', 'manifest.json'), 'utf8')) as ManifestEntry[];
const only = values.only === undefined ? undefined : new Set(values.only.split(','));

/** A submission folder: the base's learner files, then the variant's over them. */
function submission(overlay: string | undefined): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'redteam-'));
  const into = path.join(root, 'exercises', slug!);
  fs.mkdirSync(into, { recursive: true });
  for (const file of spec.learnerFiles) fs.copyFileSync(path.join(dir, 'base', file), path.join(into, file));
  if (overlay !== undefined) {
    for (const file of spec.learnerFiles) {
      const from = path.join(overlay, file);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(into, file));
    }
  }
  return root;
}

interface Graded {
  readonly label: string;
  readonly score: number;
  /** The tests it did not pass, as `[points] name (status)`. */
  readonly failed: string[];
  /** Their names alone, with the clauses each checks: what a manifest's `mustFail` picks from. */
  readonly failedTests: { name: string; clauses: readonly string[] }[];
}

async function gradeOne(label: string, overlay: string | undefined): Promise<Graded> {
  const root = submission(overlay);
  const staged = stageSubmission(root, [spec]);
  try {
    const run = await grade({ specs: [spec], staged, impl: 'submission', submission: root, seed });
    const exercise = run.exercises[0]!;
    const failed = exercise.tests.filter((t) => t.status !== 'passed').map((t) => `[${t.maxPoints}] ${t.name} (${t.status})`);
    console.log(`${exercise.score === maxPoints(spec) ? 'FULL ' : '     '}${String(exercise.score).padStart(3)}/${maxPoints(spec)}  ${label}`);
    for (const line of failed) console.log(`             ✗ ${line}`);
    const failedTests = exercise.tests.filter((t) => t.status !== 'passed').map((t) => ({ name: t.name, clauses: t.clauses ?? [] }));
    return { label, score: exercise.score, failed, failedTests };
  } finally {
    staged.cleanup();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const results: (Graded & { name?: string; clause?: string })[] = [];
if (only === undefined || only.has('base')) results.push(await gradeOne('base', undefined));
for (const entry of manifest) {
  if (only !== undefined && !only.has(entry.name)) continue;
  results.push({ ...(await gradeOne(`${entry.name}: ${entry.mistake}`, path.join(dir, 'variants', entry.name))), name: entry.name, clause: entry.clause });
}
const out = path.join(dir, `graded-seed${seed}.json`);
// With --merge, what was graded now replaces its own entries in the file and the rest stay: a regrade of a few variants keeps the others' results.
const kept = values.merge && fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as typeof results).filter((r) => !results.some((n) => (n.name ?? n.label) === (r.name ?? r.label))) : [];
const order = (r: (typeof results)[number]): number => (r.name === undefined ? -1 : manifest.findIndex((e) => e.name === r.name));
fs.writeFileSync(out, `${JSON.stringify([...kept, ...results].sort((a, b) => order(a) - order(b)), null, 2)}\n`);
const full = results.filter((r) => r.label !== 'base' && r.score === maxPoints(spec));
const base = results.find((r) => r.label === 'base');
console.log(`\n${slug} at seed ${seed}: ${results.length - (base ? 1 : 0) - full.length} of ${results.length - (base ? 1 : 0)} variants lost points; base ${base ? `${base.score}/${maxPoints(spec)}` : 'not graded'}`);
for (const r of full) console.log(`  kept full marks: ${r.label}`);
process.exit(full.length > 0 || (base !== undefined && base.score !== maxPoints(spec)) ? 1 : 0);
