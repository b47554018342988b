/**
 * npm run new-exercise (grading/new-exercise): what it lays out passes what
 * the repo's tests check of every exercise, so the next exercise starts
 * green. It is planned in memory from this checkout and written to a
 * temporary folder (the checkout's harness and node_modules linked in), never
 * into the checkout, and held to the checks of catalog, ledger, solutions'
 * rubric, broken (the variant's patch), hints and tsc, each as those tests
 * make it, with their own helpers; its stub must throw "not implemented"
 * where its reference answers and its variant does not. Then `npm run check`
 * must list what the draft lacks, and --remove must take it all out again.
 * Bad input is refused with a message that says what to do. (Grading the
 * draft's suite for real, the reference at 100 and the stub at 0, is what
 * solutions.test.ts does once a draft is in the catalog: README, "To add an
 * exercise".)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLAUSE_MARK, type Ledger } from '../../harness/suite';
import { catalog, isDraft, type ExerciseSpec } from '../catalog';
import type { ExerciseHints } from '../hints/types';
import { withHintsSection } from '../hints/readme';
import { checklist, renderChecklist } from '../new-exercise/checklist';
import { CATALOG, HINTS_INDEX, TSCONFIG } from '../new-exercise/edits';
import { ScaffoldError } from '../new-exercise/names';
import { ownedPaths, planScaffold, removeDraft, writeScaffold, type Scaffold } from '../new-exercise/scaffold';
import { TSX_BIN } from '../paths';
import type { BrokenVariant } from '../variants';
import { applyVariantPatch, parseVariantPatch, renderVariantPatch } from '../variants/patch';
import { ROOT } from './support';

const SLUG = 'scaffold-trial';
let plan: Scaffold;
let tree: string;
const at = (file: string): string => path.join(tree, file);
const text = (file: string): string => fs.readFileSync(at(file), 'utf8');
const load = async <T>(file: string): Promise<T> => (await import(at(file))) as T;

/** The command as a maintainer runs it: exit status and everything it printed. */
const cli = (...args: string[]) =>
  new Promise<{ status: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/new-exercise/cli.ts'), ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (status) => resolve({ status, out }));
  });
/** Started first, awaited last: they run while the rest is checked. */
let cliRuns: Promise<[{ status: number | null; out: string }, { status: number | null; out: string }]>;

beforeAll(() => {
  cliRuns = Promise.all([cli('Not_A_Slug'), cli(SLUG, '--dry-run')]);
  plan = planScaffold({ slug: SLUG });
  tree = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-new-exercise-'));
  // What the new files import and are not part of the scaffold: the checkout's own.
  for (const link of ['harness', 'node_modules', 'grading/variants', 'grading/hints/types.ts']) {
    fs.mkdirSync(path.dirname(at(link)), { recursive: true });
    fs.symlinkSync(path.join(ROOT, link), at(link));
  }
  for (const file of plan.edits.keys()) fs.writeFileSync(at(file), fs.readFileSync(path.join(ROOT, file)));
  writeScaffold(plan, tree);
});

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe('bad input is refused, saying what is wrong and what to do', () => {
  const [first] = catalog;
  test.each([
    [{ slug: 'Demo_Thing' }, /is not a slug: lower-case words .* joined by single hyphens/],
    [{ slug: 'demo--thing' }, /is not a slug/],
    [{ slug: '2pc' }, /is not a slug/],
    [{ slug: 'a'.repeat(41) }, /at most 40/],
    [{ slug: 'self' }, /taken by the repository itself/],
    [{ slug: first!.slug }, new RegExp(`${first!.slug} is already in grading/catalog.ts`)],
    [{ slug: SLUG, prefix: first!.clausePrefix }, new RegExp(`clause prefix ${first!.clausePrefix} is ${first!.slug}'s already .* choose another with --prefix`)],
    [{ slug: first!.clausePrefix.toLowerCase().split('').join('-') }, /clause prefix [A-Z]+, from the slug, is .*'s already .* choose another with --prefix/],
    [{ slug: SLUG, prefix: 'Sp1' }, /a clause prefix is 2 to 8 capital letters/],
    [{ slug: SLUG, title: first!.title }, /'s already; choose another with --title/],
    [{ slug: SLUG, title: 'a | b' }, /may not hold \|/],
  ])('%j', (options, message) => {
    expect(() => planScaffold(options)).toThrow(ScaffoldError);
    expect(() => planScaffold(options)).toThrow(message);
  });

  test('leftovers of an earlier draft are refused, not overwritten', () => {
    expect(() => planScaffold({ slug: SLUG }, tree)).toThrow(/already exist.*: remove the leftovers first/);
  });
});

describe('what it lays out passes the repo’s checks of every exercise', () => {
  test('catalog: a draft entry at the end, every other entry as it was, tasks of 100 points', async () => {
    const { catalog: after } = await load<{ catalog: readonly ExerciseSpec[] }>(CATALOG);
    expect(after).toEqual([...catalog, plan.spec]);
    expect(isDraft(after.at(-1)!)).toBe(true);
    expect(plan.spec.tasks.map((t) => t.id)).toEqual(plan.spec.tasks.map((_, i) => i + 1));
    expect(plan.spec.tasks.reduce((sum, t) => sum + t.points, 0)).toBe(100);
  });

  test('catalog: the stub, visible tests, README, package.json scripts, reference, suite and tsconfig paths', () => {
    const { spec } = plan;
    for (const file of [spec.entry, ...spec.learnerFiles, 'README.md', `${SLUG}.test.ts`, 'package.json']) expect(fs.existsSync(at(`exercises/${SLUG}/${file}`)), file).toBe(true);
    for (const file of spec.learnerFiles) expect(fs.existsSync(at(`solutions/${SLUG}/${file}`)), file).toBe(true);
    const { scripts } = JSON.parse(text(`exercises/${SLUG}/package.json`)) as { scripts: Record<string, string> };
    expect(scripts).toEqual({
      test: `vitest run --root ../.. --project ${SLUG}`,
      watch: `vitest watch --root ../.. --project ${SLUG}`,
      ui: `vitest watch --ui --root ../.. --config vitest.ui.config.ts --project ${SLUG}`,
      hint: `tsx ../../grading/hint.ts ${SLUG}`,
      next: `tsx ../../grading/next.ts ${SLUG}`,
      reset: `tsx ../../grading/reset.ts ${SLUG}`,
    });
    expect(fs.readdirSync(at(`grading/suites/${SLUG}`)).filter((f) => f.endsWith('.test.ts')).length).toBeGreaterThan(0);
    const { paths } = (JSON.parse(text(TSCONFIG)) as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions;
    expect(paths[`@impl/${SLUG}`]).toEqual([`exercises/${SLUG}/${spec.entry}`]);
    expect(paths[`@impl/${SLUG}/*`]).toEqual([`exercises/${SLUG}/*`]);
  });

  test('ledger: the README and stub mark exactly its clauses, and each is graded or says why not', async () => {
    const { ledger } = await load<{ ledger: Ledger }>(`grading/suites/${SLUG}/ledger.ts`);
    expect(ledger.exercise).toBe(SLUG);
    const sources = ['README.md', ...plan.spec.learnerFiles].map((file) => text(`exercises/${SLUG}/${file}`));
    const marked = new Set(sources.flatMap((source) => [...source.matchAll(CLAUSE_MARK)].map((m) => m[1]!)));
    expect([...marked].sort()).toEqual(ledger.clauses.map((c) => c.id).sort());
    for (const c of ledger.clauses) expect(c.id.startsWith(`${plan.spec.clausePrefix}-`), c.id).toBe(true);
    const graded = new Set(plan.content.tests.flatMap((t) => t.clauses));
    for (const c of ledger.clauses) expect(graded.has(c.id), `${c.id}: graded, or ungraded with a reason, never both`).toBe(c.ungraded === undefined);
  });

  test('rubric: the README lists exactly the suite’s tests, as solutions.test.ts reads it', () => {
    const readme = text(`exercises/${SLUG}/README.md`);
    const rubric = [...readme.matchAll(/^\| (\d+) \| (\d+) \| (.+?) \| ([A-Z]+-[\d.]+(?:, [A-Z]+-[\d.]+)*) \| (\w+) \|$/gm)].map((m) => [Number(m[1]), Number(m[2]), m[3], m[4], m[5]]);
    expect(rubric).toEqual(plan.content.tests.map((t) => [t.task, t.points, t.name, t.clauses.join(', '), t.category]));
    const suite = fs.readdirSync(at(`grading/suites/${SLUG}`)).filter((f) => f.endsWith('.test.ts')).map((f) => text(`grading/suites/${SLUG}/${f}`)).join('\n');
    for (const t of plan.content.tests) {
      expect(suite).toContain(`name: '${t.name}'`);
      expect(suite).toContain(`points: ${t.points},`);
      expect(suite).toContain(`clauses: [${t.clauses.map((id) => `'${id}'`).join(', ')}]`);
    }
  });

  test('hints: two to four stages a task, each a paragraph, naming real README headings; the README shows exactly them', async () => {
    const { hints } = await load<{ hints: ExerciseHints }>(`grading/hints/${SLUG}.ts`);
    const readme = text(`exercises/${SLUG}/README.md`);
    const headings = readme.split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => line.replace(/^#+ /, ''));
    for (const task of plan.spec.tasks) {
      const stages = hints[task.id] ?? [];
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(stages.length).toBeLessThanOrEqual(4);
      for (const stage of stages) {
        expect(stage.text.trim().length).toBeGreaterThan(40);
        expect(stage.text).not.toMatch(/\n/);
        if (stage.readme !== undefined) expect(headings).toContain(stage.readme);
      }
      expect(stages.some((s) => s.readme !== undefined || s.paper !== undefined)).toBe(true);
      expect(new Set(stages.map((s) => s.text)).size).toBe(stages.length);
    }
    expect(withHintsSection(plan.spec, readme, (task) => hints[task] ?? [])).toBe(readme);
    expect(text(HINTS_INDEX)).toMatch(new RegExp(`^import \\{ hints as \\w+ \\} from './${SLUG}';$`, 'm'));
  });

  test('broken: its known-wrong variant is a canonical patch over the reference, naming ledger clauses and suite tests', async () => {
    const { variants } = await load<{ variants: readonly BrokenVariant[] }>(`grading/suites/${SLUG}/broken/variants.ts`);
    const { ledger } = await load<{ ledger: Ledger }>(`grading/suites/${SLUG}/ledger.ts`);
    expect(variants.length).toBeGreaterThanOrEqual(1);
    for (const variant of variants) {
      const file = `grading/suites/${SLUG}/broken/${variant.name}.patch`;
      const patch = parseVariantPatch(text(file), file);
      for (const name of patch.files.keys()) expect(plan.spec.learnerFiles).toContain(name);
      for (const id of variant.clauses) expect(ledger.clauses.map((c) => c.id)).toContain(id);
      for (const name of variant.mustFail) expect(plan.content.tests.map((t) => t.name)).toContain(name);
      expect(patch.description).toMatch(new RegExp(`\\n\\nClauses: ${variant.clauses.join(', ')}$`));
      // What broken.test.ts checks: re-rendered from the reference and the patched file, it is the same text.
      const base = (name: string) => text(`solutions/${SLUG}/${name}`);
      const changed = applyVariantPatch(patch, base, file);
      const rerendered = renderVariantPatch(patch.description, [...changed].map(([name, after]) => ({ name, before: base(name), after })));
      expect(rerendered).toBe(text(file));
    }
  });

  test('the stub throws "not implemented", and the reference and the variant differ where the suite looks', async () => {
    const { fn, file, variant } = plan.content;
    type Module = Record<string, (value: number) => number>;
    const stub = await load<Module>(`exercises/${SLUG}/${file}`);
    const reference = await load<Module>(`solutions/${SLUG}/${file}`);
    expect(() => stub[fn]!(7)).toThrow(/^not implemented: /);
    expect(reference[fn]!(7)).toBe(7);
    const patchFile = `grading/suites/${SLUG}/broken/${variant.name}.patch`;
    const broken = applyVariantPatch(parseVariantPatch(text(patchFile), patchFile), (name) => text(`solutions/${SLUG}/${name}`), patchFile).get(file)!;
    fs.writeFileSync(at(`variant-${file}`), broken);
    expect((await load<Module>(`variant-${file}`))[fn]!(7)).not.toBe(7);
  });

  test('tsc: every file it writes type-checks under the repo’s tsconfig', () => {
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(at(TSCONFIG), ts.sys.readFile).config, ts.sys, tree);
    const files = [...plan.files.keys(), CATALOG].filter((file) => file.endsWith('.ts')).map(at);
    const program = ts.createProgram(files, config.options);
    const problems = files.flatMap((file) => {
      const source = program.getSourceFile(file)!;
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
        const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
        return `${path.relative(tree, file)}${where ? `:${where.line + 1}` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    });
    expect(problems).toEqual([]);
  });
});

describe('and then', () => {
  test('the command exits 2 with the reason, and --dry-run writes nothing', async () => {
    const [bad, dry] = await cliRuns;
    expect(bad.status, bad.out).toBe(2);
    expect(bad.out).toContain('new-exercise: "Not_A_Slug" is not a slug');
    expect(dry.status, dry.out).toBe(0);
    expect(dry.out).toContain(`create  exercises/${SLUG}/README.md`);
    for (const owned of ownedPaths(SLUG)) expect(fs.existsSync(path.join(ROOT, owned)), owned).toBe(false);
  });

  test('npm run check lists what the draft lacks, each with the command or file that fixes it', async () => {
    const items = await checklist(plan.spec, tree, [...catalog, plan.spec]);
    // The temporary tree has no root README and no reference costs: those two are missing here as in a real draft.
    expect(items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['placeholders', 'variants', 'red-team', 'costs', 'mutation', 'readme-table', 'draft']);
    const placeholders = items.find((i) => i.id === 'placeholders')!;
    for (const file of [CATALOG, ...[...plan.files.keys()].filter((f) => !f.endsWith('.json'))]) {
      expect(placeholders.missing.some((line) => line.startsWith(`${file}: `)), `${file} marks its placeholders`).toBe(true);
    }
    const shown = renderChecklist(plan.spec, items);
    for (const item of items.filter((i) => !i.ok)) expect(shown).toContain(`fix: ${item.fix}`);
  });

  test('--remove takes the draft out again: the shared files as they were, its own files gone', () => {
    const removed = removeDraft(SLUG, tree, [...catalog, plan.spec]);
    for (const file of plan.edits.keys()) expect(text(file), file).toBe(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    for (const owned of ownedPaths(SLUG)) expect(fs.existsSync(at(owned)), owned).toBe(false);
    expect(removed).toContain(`exercises/${SLUG}`);
    expect(() => removeDraft(catalog[0]!.slug, tree)).toThrow(/is not a draft/);
  });
});
