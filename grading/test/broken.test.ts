/**
 * Every known-wrong implementation loses points exactly where it should: each
 * fails every test its manifest names, and scores below full marks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog, maxPoints } from '../catalog';
import { ROOT, gradeFile, withoutDurations } from './support';

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
      const result = await gradeFile(spec.slug, path.join('grading/suites', spec.slug, 'broken', variant.file), 1, variant.as);
      const names = new Set(result.tests.map((t) => t.name));
      for (const name of variant.mustFail) {
        expect(names.has(name), `the manifest names a test that does not exist: "${name}"`).toBe(true);
        const outcome = result.tests.find((t) => t.name === name)!;
        expect(outcome.status, `${variant.file} (${variant.mistake}) should fail "${name}"`).not.toBe('passed');
      }
      expect(result.score).toBeLessThan(maxPoints(spec));
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
