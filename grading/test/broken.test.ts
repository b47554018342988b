/**
 * Every known-wrong implementation loses points exactly where it should: each
 * fails every test its manifest names. A variant is graded on those tests
 * alone, which is what proves it loses their points; the rest of the suite
 * would cost minutes and prove nothing more about the variant.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog } from '../catalog';
import { redTeamFolders } from '../redteam/folders';
import { ROOT, gradeFile, gradeFiles, withoutDurations } from './support';

interface BrokenVariant {
  readonly file: string;
  /** The learner file it replaces (default: the exercise's entry). */
  readonly as?: string;
  readonly mistake: string;
  readonly mustFail: readonly string[];
}

const manifests = await Promise.all(
  catalog.map(async (spec) => {
    const manifest = path.join(ROOT, 'grading/suites', spec.slug, 'broken/variants.ts');
    const variants: readonly BrokenVariant[] = fs.existsSync(manifest) ? ((await import(manifest)) as { variants: BrokenVariant[] }).variants : [];
    return { spec, variants };
  }),
);

describe('known-wrong variants', () => {
  test.each(manifests.map((m) => [m.spec.slug, m] as const))('%s ships at least six, each with a file and the tests it must fail', (_slug, { spec, variants }) => {
    expect(variants.length).toBeGreaterThanOrEqual(6);
    for (const variant of variants) {
      expect(fs.existsSync(path.join(ROOT, 'grading/suites', spec.slug, 'broken', variant.file)), variant.file).toBe(true);
      expect(variant.mustFail.length, variant.file).toBeGreaterThan(0);
      if (variant.as !== undefined) expect(spec.learnerFiles, `${variant.file} replaces ${variant.as}`).toContain(variant.as);
    }
  });
});

for (const { spec, variants } of manifests) {
  describe.concurrent(`${spec.slug}: known-wrong variants lose their points`, () => {
    test.each(variants.map((v) => [v.file, v] as const))('%s', async (_file, variant) => {
      const result = await gradeFile(spec.slug, path.join('grading/suites', spec.slug, 'broken', variant.file), 1, variant.as, variant.mustFail);
      const names = new Set(result.tests.map((t) => t.name));
      for (const name of variant.mustFail) {
        expect(names.has(name), `the manifest names a test that does not exist: "${name}"`).toBe(true);
        const outcome = result.tests.find((t) => t.name === name)!;
        expect(outcome.status, `${variant.file} (${variant.mistake}) should fail "${name}"`).not.toBe('passed');
      }
      expect(result.score, 'graded on the tests it must fail').toBe(0);
      // A wrong implementation still runs to the end: no crashed or missing results.
      expect(result.tests.filter((t) => t.status === 'error').map((t) => t.name)).toEqual([]);
    });
  });
}

describe.concurrent('the same seed gives the same result', () => {
  test.each(manifests.map((m) => [m.spec.slug, m] as const))('%s: a known-wrong variant graded twice at one seed gives the same JSON, apart from durations', async (slug, { variants }) => {
    // A failing variant: its messages carry counterexamples, traces and crash points, where nondeterminism would show.
    const variant = variants[0]!;
    const file = path.join('grading/suites', slug, 'broken', variant.file);
    const [first, second] = await Promise.all([gradeFile(slug, file, 99, variant.as), gradeFile(slug, file, 99, variant.as)]);
    expect(first.score).toBeLessThan(first.maxScore);
    expect(withoutDurations(second)).toEqual(withoutDurations(first));
  });
});

/**
 * The blind red team's variants (grading/redteam/BRIEF.md), each the red team's
 * own correct base with one mistake: `broken/redteam/base/` holds the base,
 * `broken/redteam/<name>/` the files a variant changes, and
 * `broken/redteam/manifest.json` what each breaks and the tests it must fail.
 * A later red team of the same exercise is `broken/redteam-2/`, and so on.
 */
interface RedTeamVariant {
  readonly name: string;
  readonly files: readonly string[];
  /** The README or doc-comment sentence it breaks, as the red team quoted it. */
  readonly clause: string;
  /** The ledger ids of that sentence. */
  readonly clauses: readonly string[];
  readonly mistake: string;
  readonly source: string | null;
  readonly mustFail: readonly string[];
}

const redTeams = catalog
  .flatMap((spec) =>
    redTeamFolders(ROOT, spec.slug).map((dir) => ({
      spec,
      dir,
      label: `${spec.slug} (${path.basename(dir)})`,
      variants: JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'manifest.json'), 'utf8')) as RedTeamVariant[],
    })),
  )
  .filter((team) => team.variants.length > 0);

const baseFiles = (spec: (typeof catalog)[number], dir: string): Record<string, string> =>
  Object.fromEntries(spec.learnerFiles.map((file) => [file, path.join(dir, 'base', file)]));

// (declared only when some exercise has a red team: vitest fails a file with an empty suite)
if (redTeams.length > 0) describe('blind red-team variants', () => {
  test.each(redTeams.map((t) => [t.label, t] as const))('%s ships at least twenty, each with its files, clause ids and the tests it must fail', async (_label, { spec, dir, variants }) => {
    const slug = spec.slug;
    expect(variants.length).toBeGreaterThanOrEqual(20);
    const ledger = ((await import(path.join(ROOT, 'grading/suites', slug, 'ledger.ts'))) as { ledger: { clauses: { id: string }[] } }).ledger;
    const ids = new Set(ledger.clauses.map((c) => c.id));
    for (const file of spec.learnerFiles) expect(fs.existsSync(path.join(ROOT, dir, 'base', file)), `base/${file}`).toBe(true);
    for (const variant of variants) {
      expect(variant.files.length, variant.name).toBeGreaterThan(0);
      for (const file of variant.files) {
        expect(spec.learnerFiles, `${variant.name} changes ${file}`).toContain(file);
        expect(fs.existsSync(path.join(ROOT, dir, variant.name, file)), `${variant.name}/${file}`).toBe(true);
      }
      expect(variant.mustFail.length, variant.name).toBeGreaterThan(0);
      expect(variant.clauses.length, variant.name).toBeGreaterThan(0);
      for (const id of variant.clauses) expect(ids.has(id), `${variant.name} names ${id}, which the ledger lacks`).toBe(true);
    }
  });

  describe.concurrent.each(redTeams.map((t) => [t.label, t] as const))('%s', (_label, { spec, dir, variants }) => {
    const slug = spec.slug;
    test("the red team's own base, written blind from the README, scores full marks", async () => {
      const result = await gradeFiles(slug, baseFiles(spec, dir), 1);
      expect(result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.status}: ${t.message}`)).toEqual([]);
    });

    test.each(variants.map((v) => [v.name, v] as const))('%s loses the points of the tests it must fail', async (_name, variant) => {
      const files = { ...baseFiles(spec, dir), ...Object.fromEntries(variant.files.map((file) => [file, path.join(dir, variant.name, file)])) };
      const result = await gradeFiles(slug, files, 1, variant.mustFail);
      for (const name of variant.mustFail) {
        const outcome = result.tests.find((t) => t.name === name);
        expect(outcome, `the manifest names a test that does not exist: "${name}"`).toBeDefined();
        expect(outcome!.status, `${variant.name} (${variant.mistake}) should fail "${name}"`).not.toBe('passed');
      }
      expect(result.tests.filter((t) => t.status === 'error').map((t) => t.name)).toEqual([]);
    });
  });
});
