/**
 * Every known-wrong implementation loses points exactly where it should: each
 * fails every test its manifest names. Each variant is a patch over the code
 * it breaks (grading/variants); here each is checked to apply and to show its
 * mistake, then all of an exercise's variants are graded in one batch
 * (grading/variants/batch.ts), each on the tests it must fail, which is what
 * proves it loses their points. A variant the batch could not grade is graded
 * alone, the ordinary way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { isDraft } from '../catalog';
import type { Outcome } from '../score';
import { allVariants, canonicalPatch, materialize, ownVariants, readVariantPatch, redTeams, type Variant } from '../variants';
import { gradeBatch, variantItem, type BatchItem, type BatchVerdict } from '../variants/batch';
import { ROOT, checkedExercises, gradeFiles, gradeVariant, withoutDurations } from './support';

const exercises = await Promise.all(
  checkedExercises.map(async (spec) => ({ spec, own: await ownVariants(spec.slug), teams: redTeams(spec.slug), all: await allVariants(spec.slug) })),
);

const ledgerIds = async (slug: string): Promise<Set<string>> =>
  new Set(((await import(path.join(ROOT, 'grading/suites', slug, 'ledger.ts'))) as { ledger: { clauses: { id: string }[] } }).ledger.clauses.map((c) => c.id));

/** Checks what every variant's patch must be: it applies, changes only learner files, and is in canonical form. */
function expectReadablePatch(variant: Variant, learnerFiles: readonly string[], ids: ReadonlySet<string>): void {
  const patch = readVariantPatch(variant);
  for (const name of patch.files.keys()) expect(learnerFiles, `${variant.patchFile} changes ${name}`).toContain(name);
  expect(variant.mustFail.length, `${variant.id} names the tests it must fail`).toBeGreaterThan(0);
  expect(variant.clauses.length, `${variant.id} names the clauses it breaks`).toBeGreaterThan(0);
  for (const id of variant.clauses) expect(ids.has(id), `${variant.id} names ${id}, which the ledger lacks`).toBe(true);
  // What `npm run variant -- --save` would write from the whole files.
  expect(canonicalPatch(variant, materialize(variant)), `${variant.patchFile} is not in canonical form: npm run variant -- ${variant.slug} ${variant.id} --out DIR, then --save DIR`).toBe(
    fs.readFileSync(path.join(ROOT, variant.patchFile), 'utf8'),
  );
}

describe('known-wrong variants are patches that show their mistake', () => {
  test.each(exercises.map((e) => [e.spec.slug, e] as const))('%s ships at least six of ours, each a patch over the reference that applies, in canonical form, with clause ids and the tests it must fail', async (slug, { spec, own }) => {
    // A draft has its placeholder (drafts.test.ts lists the rest as a todo).
    expect(own.length).toBeGreaterThanOrEqual(isDraft(spec) ? 1 : 6);
    const ids = await ledgerIds(slug);
    for (const variant of own) expectReadablePatch(variant, spec.learnerFiles, ids);
    // Nothing else lies beside the manifest: no whole-file copies, no patch the manifest does not list.
    const listed = new Set(own.map((v) => `${v.name}.patch`));
    const extra = fs.readdirSync(path.join(ROOT, 'grading/suites', slug, 'broken'), { withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'variants.ts' && !listed.has(e.name));
    expect(extra.map((e) => e.name)).toEqual([]);
  });

  const teams = exercises.flatMap((e) => e.teams.map((team) => ({ spec: e.spec, ...team, label: `${e.spec.slug} (${team.group})` })));
  test.each(teams.map((t) => [t.label, t] as const))('%s ships at least twenty, each a patch over its base that applies, in canonical form, with clause ids and the tests it must fail', async (_label, { spec, dir, variants }) => {
    expect(variants.length).toBeGreaterThanOrEqual(20);
    const ids = await ledgerIds(spec.slug);
    for (const file of spec.learnerFiles) expect(fs.existsSync(path.join(ROOT, dir, 'base', file)), `base/${file}`).toBe(true);
    for (const variant of variants) expectReadablePatch(variant, spec.learnerFiles, ids);
    const listed = new Set(['base', 'manifest.json', 'kept-full-marks.json', ...variants.map((v) => `${v.name}.patch`)]);
    expect(fs.readdirSync(path.join(ROOT, dir)).filter((name) => !listed.has(name))).toEqual([]);
  });

  test('a patch whose base changed under it fails loudly, naming the variant, its file and its hunk', async () => {
    const variant = (await ownVariants('raft')).find((v) => v.id === 'double-vote')!;
    const scratch = fs.mkdtempSync(path.join(ROOT, '.faultline', 'moved-base-'));
    try {
      const reference = fs.readFileSync(path.join(ROOT, 'solutions/raft/raft.ts'), 'utf8');
      fs.writeFileSync(path.join(scratch, 'raft.ts'), reference.replace('(this.#votedFor === undefined || this.#votedFor === from)', '(this.#votedFor ?? from) === from'));
      expect(() => materialize({ ...variant, baseDir: path.relative(ROOT, scratch) })).toThrow(
        /^grading\/suites\/raft\/broken\/double-vote\.patch no longer applies to raft\.ts: the lines of its hunk at line \d+ are not in the file any more/,
      );
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});

/** The outcomes of a batch verdict, or of a grade of the variant alone when the batch could not give them all. */
async function outcomesOf(variant: Variant, verdict: BatchVerdict | undefined): Promise<ReadonlyMap<string, Outcome>> {
  if (verdict === undefined) throw new Error(`${variant.id}: the batch gave no verdict`);
  if (verdict.kind === 'unusable') throw new Error(verdict.why);
  if (verdict.kind === 'graded') return verdict.outcomes;
  const result = await gradeVariant(variant.slug, variant.id, 1, variant.mustFail);
  // A wrong implementation still runs to the end: no crashed or missing results.
  expect(result.tests.filter((t) => t.status === 'error').map((t) => `${t.name}: ${t.message}`), `graded alone, as the batch said: ${verdict.why}`).toEqual([]);
  return new Map(result.tests.map((t) => [t.name, { status: t.status === 'error' ? 'failed' : t.status, message: t.message }]));
}

for (const { spec, all, teams } of exercises) {
  const slug = spec.slug;
  describe(`${slug}: every known-wrong variant loses the points of the tests it must fail`, () => {
    const bases: BatchItem[] = teams.map((team) => ({
      id: `${team.group}/base`,
      files: () => new Map(spec.learnerFiles.map((file) => [file, fs.readFileSync(path.join(ROOT, team.dir, 'base', file), 'utf8')])),
    }));
    let verdicts: Map<string, BatchVerdict>;
    beforeAll(async () => {
      verdicts = await gradeBatch(slug, [...all.map(variantItem), ...bases]);
    }, 30 * 60_000);

    test.each(all.map((v) => [v.id, v] as const))('%s', async (_id, variant) => {
      const outcomes = await outcomesOf(variant, verdicts.get(variant.id));
      for (const name of variant.mustFail) {
        expect(outcomes.has(name), `the manifest names a test that does not exist: "${name}"`).toBe(true);
        expect(outcomes.get(name)!.status, `${variant.id} (${variant.mistake}) should fail "${name}"`).not.toBe('passed');
        // For its mistake, not because its patch left code that does not load (a syntax error, a missing export).
        expect(outcomes.get(name)!.message, `${variant.id} does not load`).not.toMatch(/^your code (failed to load|did not finish loading)/);
      }
    });

    test.each(bases.map((b) => [b.id, b] as const))("%s: the red team's own base, written blind from the README, scores full marks", async (id) => {
      const verdict = verdicts.get(id)!;
      const team = teams.find((t) => `${t.group}/base` === id)!;
      const outcomes =
        verdict.kind === 'graded'
          ? verdict.outcomes
          : new Map((await gradeFiles(slug, Object.fromEntries(spec.learnerFiles.map((file) => [file, path.join(team.dir, 'base', file)])), 1)).tests.map((t) => [t.name, t]));
      expect(outcomes.size).toBeGreaterThan(0);
      expect([...outcomes].filter(([, o]) => o.status !== 'passed').map(([name, o]) => `${name}: ${o.status}: ${o.message}`)).toEqual([]);
    });

    test('graded alone the ordinary way, twice at one seed, a variant gives the same JSON apart from durations, and the verdicts the batch gave', async () => {
      // A failing variant: its messages carry counterexamples, traces and crash points, where nondeterminism would show.
      // Of ours, one that names the fewest tests: two grades of it cost the least.
      const variant = all.filter((v) => v.group === 'broken').reduce((best, v) => (v.mustFail.length < best.mustFail.length ? v : best));
      const [first, second] = await Promise.all([gradeVariant(slug, variant.id, 1, variant.mustFail), gradeVariant(slug, variant.id, 1, variant.mustFail)]);
      expect(withoutDurations(second)).toEqual(withoutDurations(first));
      const batch = verdicts.get(variant.id)!;
      expect(batch.kind).toBe('graded');
      if (batch.kind === 'graded') {
        expect(Object.fromEntries(first.tests.map((t) => [t.name, t.status]))).toEqual(Object.fromEntries(variant.mustFail.map((name) => [name, batch.outcomes.get(name)!.status])));
      }
    });
  });
}
