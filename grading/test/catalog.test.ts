/**
 * The catalog matches the tree: every exercise has its stub, visible tests,
 * README, package.json and reference solution, and the TypeScript paths know
 * every alias. (That a suite's points add up to the catalog's is checked when
 * the solution is graded: solutions.test.ts.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog, isDraft } from '../catalog';
import { ciBudgetSeconds, npmTestBudgetSeconds } from '../self-test-budget';
import { ROOT, checkedExercises } from './support';

const exists = (file: string) => fs.existsSync(path.join(ROOT, file));

describe.each(checkedExercises.map((spec) => [spec.slug, spec] as const))('%s', (slug, spec) => {
  test('has a stub, visible tests, a README and an npm test script', () => {
    for (const file of [spec.entry, ...spec.learnerFiles, ...spec.providedFiles, 'README.md', `${slug}.test.ts`, 'package.json']) {
      expect(exists(`exercises/${slug}/${file}`), `exercises/${slug}/${file}`).toBe(true);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, `exercises/${slug}/package.json`), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toBe(`vitest run --root ../.. --project ${slug}`);
    // `vitest watch`, not plain `vitest`: that runs once and exits whenever stdin is not a terminal.
    expect(pkg.scripts.watch).toBe(`vitest watch --root ../.. --project ${slug}`);
    expect(pkg.scripts.ui).toBe(`vitest watch --ui --root ../.. --config vitest.ui.config.ts --project ${slug}`);
    expect(pkg.scripts.hint).toBe(`tsx ../../grading/hint.ts ${slug}`);
    expect(pkg.scripts.next).toBe(`tsx ../../grading/next.ts ${slug}`);
    expect(pkg.scripts.reset).toBe(`tsx ../../grading/reset.ts ${slug}`);
  });

  test('has a reference solution with the same files, and the provided ones re-exported', () => {
    for (const file of spec.learnerFiles) expect(exists(`solutions/${slug}/${file}`), `solutions/${slug}/${file}`).toBe(true);
    for (const file of spec.providedFiles) {
      const text = fs.readFileSync(path.join(ROOT, `solutions/${slug}/${file}`), 'utf8');
      expect(text, `solutions/${slug}/${file}`).toContain(`export * from '../../exercises/${slug}/${file.replace(/\.ts$/, '')}'`);
    }
  });

  test('has a hidden suite', () => {
    const suite = fs.readdirSync(path.join(ROOT, 'grading/suites', slug)).filter((f) => f.endsWith('.test.ts'));
    expect(suite.length).toBeGreaterThan(0);
  });

  test('tasks are numbered 1, 2, … with positive points', () => {
    expect(spec.tasks.map((t) => t.id)).toEqual(spec.tasks.map((_, i) => i + 1));
    for (const task of spec.tasks) expect(task.points).toBeGreaterThan(0);
  });

  test('tsconfig maps @impl/<slug> to the stub, so the suite type-checks against the learner contract', () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    expect(tsconfig.compilerOptions.paths[`@impl/${slug}`]).toEqual([`exercises/${slug}/${spec.entry}`]);
    expect(tsconfig.compilerOptions.paths[`@impl/${slug}/*`]).toEqual([`exercises/${slug}/*`]);
  });
});

test('exercise slugs are unique', () => {
  expect(new Set(catalog.map((e) => e.slug)).size).toBe(catalog.length);
});

// A draft joins the table when it ships: npm run check -- <slug> prints its row.
test('the README\'s exercise table lists the catalog, in order, with its points', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| (\d+) \| (.+?) \| \[`exercises\/([\w-]+)`\]\(.+?\) \| (.+?) \| (\d+) \|$/gm)].map((m) => ({
    n: Number(m[1]),
    title: m[2],
    slug: m[3],
    tasks: m[4],
    points: Number(m[5]),
  }));
  expect(rows).toEqual(
    catalog.filter((spec) => !isDraft(spec)).map((spec, i) => ({
      n: i + 1,
      title: spec.title,
      slug: spec.slug,
      tasks: spec.tasks.map((t) => t.title.toLowerCase()).join(' · '),
      points: spec.tasks.reduce((sum, t) => sum + t.points, 0),
    })),
  );
});

test('the written self-test budget keeps npm test within 7 minutes today and CI within 20 minutes at twenty exercises, on 2 cores', () => {
  // What each exercise and the rest may spend (grading/self-test-budget.ts); npm run check -- <exercise> measures an exercise.
  // Each exercise adds 30 s of wall time to npm test's budget: 7 minutes holds up to twelve exercises (the tenth moved
  // StrykerJS's confirmation of the mutation verdicts out of npm test into npm run test:mutation, README, "A test run
  // you can wait for"); the thirteenth must make npm test cheaper again before this bound moves.
  expect(npmTestBudgetSeconds(catalog.length)).toBeLessThanOrEqual(7 * 60);
  expect(ciBudgetSeconds(20)).toBeLessThanOrEqual(20 * 60);
});
