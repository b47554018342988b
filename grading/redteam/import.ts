/**
 * Brings a red team's graded work into the repo (grading/redteam/BRIEF.md):
 * `grading/suites/<slug>/broken/redteam/` gets the base, each variant that lost
 * points as `<name>.patch` over the base (grading/variants/patch.ts: its
 * mistake, the sentence it breaks, clause ids and source, then the diff of the
 * files it changes), and `manifest.json` with the clause ids and the tests
 * each must fail. The red team's demos stay in DIR: the graded tests are the
 * evidence.
 *
 *   npx tsx grading/redteam/import.ts <slug> <DIR> [--clauses FILE] [--into redteam-N]
 *
 * Reads `DIR/graded-seed1.json` (grading/redteam/grade.ts, run first against
 * the current suite) and `DIR/variants/manifest.json`. `--clauses` names a JSON
 * object mapping a variant's name to the ledger ids of the clause it breaks;
 * its `mustFail` is then the failing tests that check one of those clauses
 * (else the first three failing tests); without it, each manifest entry's own
 * `clauses` are used. A variant that kept full marks is left out and listed;
 * the folder's `kept-full-marks.json` (why each such variant is no gap, written
 * by hand) survives a re-import.
 * `--into` names the folder under `broken/` (default `redteam`; a later red
 * team of the same exercise gets `redteam-2`, `redteam-3`…, with its own base).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exerciseSpec } from '../catalog';
import { ROOT } from '../paths';
import { redTeamDescription } from '../variants';
import { renderVariantPatch } from '../variants/patch';
import { KEPT_FULL_MARKS, RED_TEAM_FOLDER } from './folders';

interface Entry {
  readonly name: string;
  readonly files: readonly string[];
  readonly clause: string;
  readonly section?: string;
  readonly mistake: string;
  readonly source: string | null;
  readonly clauses?: readonly string[];
}
interface Graded {
  readonly label: string;
  readonly name?: string;
  readonly score: number;
  readonly failedTests: { name: string; clauses: readonly string[] }[];
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { clauses: { type: 'string' }, into: { type: 'string', default: 'redteam' } } });
const [slug, dirArg] = positionals;
if (slug === undefined || dirArg === undefined || !RED_TEAM_FOLDER.test(values.into)) {
  console.error('usage: npx tsx grading/redteam/import.ts <slug> <DIR> [--clauses FILE] [--into redteam-N]');
  process.exit(2);
}
const spec = exerciseSpec(slug);
const dir = path.resolve(dirArg);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'variants', 'manifest.json'), 'utf8')) as Entry[];
const graded = JSON.parse(fs.readFileSync(path.join(dir, 'graded-seed1.json'), 'utf8')) as Graded[];
const clauseMap = values.clauses === undefined ? {} : (JSON.parse(fs.readFileSync(values.clauses, 'utf8')) as Record<string, string[]>);
const out = path.join(ROOT, 'grading/suites', slug, 'broken', values.into);

const base = graded.find((g) => g.label === 'base');
if (base === undefined || base.failedTests.length > 0) {
  console.error(`import: the base must be graded and score full marks first (npx tsx grading/redteam/grade.ts ${slug} ${dirArg})`);
  process.exit(1);
}
// The reasons written for the variants that kept full marks are ours, not the red team's: a re-import keeps them.
const keptFile = path.join(out, KEPT_FULL_MARKS);
const keptReasons = fs.existsSync(keptFile) ? fs.readFileSync(keptFile, 'utf8') : undefined;
fs.rmSync(out, { recursive: true, force: true });
// The base's learner files, and the provided files they import as plain copies (a red team may have linked them).
fs.mkdirSync(path.join(out, 'base'), { recursive: true });
for (const file of spec.learnerFiles) fs.copyFileSync(path.join(dir, 'base', file), path.join(out, 'base', file));
for (const file of spec.providedFiles) fs.copyFileSync(path.join(ROOT, 'exercises', slug, file), path.join(out, 'base', file));

const imported = [];
const left: string[] = [];
for (const entry of manifest) {
  const result = graded.find((g) => g.name === entry.name);
  if (result === undefined || result.failedTests.length === 0) {
    left.push(`${entry.name}: ${result === undefined ? 'not graded' : 'kept full marks'}`);
    continue;
  }
  const from = path.join(dir, 'variants', entry.name);
  const changes = spec.learnerFiles
    .filter((file) => fs.existsSync(path.join(from, file)))
    .map((file) => ({ name: file, before: fs.readFileSync(path.join(dir, 'base', file), 'utf8'), after: fs.readFileSync(path.join(from, file), 'utf8') }))
    .filter((change) => change.before !== change.after);
  for (const change of changes) {
    if (!entry.files.includes(change.name)) console.warn(`import: ${entry.name}/${change.name} differs from the base but is not listed as changed; the patch changes it too`);
  }
  const ids = clauseMap[entry.name] ?? entry.clauses ?? [];
  const named = result.failedTests.filter((t) => t.clauses.some((id) => ids.includes(id)));
  const mustFail = (named.length > 0 ? named : result.failedTests).slice(0, 3).map((t) => t.name);
  if (named.length === 0) console.warn(`import: ${entry.name}: no failing test checks ${ids.join(', ') || '(no clause ids given)'}; mustFail is its first failing tests`);
  const variant = { name: entry.name, files: changes.map((c) => c.name), clause: entry.clause, clauses: ids, mistake: entry.mistake, source: entry.source, mustFail };
  fs.writeFileSync(path.join(out, `${entry.name}.patch`), renderVariantPatch(redTeamDescription(variant), changes));
  imported.push(variant);
}

fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(imported, null, 2)}\n`);
if (keptReasons !== undefined) fs.writeFileSync(keptFile, keptReasons);
console.log(`import: ${imported.length} variants into ${path.relative(ROOT, out)} (learner files ${spec.learnerFiles.join(', ')})`);
for (const line of left) console.log(`  left out: ${line}`);
