/**
 * The suites are honest at both ends: every reference solution earns every
 * point, within budgets far above what it needs, every untouched stub earns
 * none and is reported as "not implemented", and the visible tests pass on
 * the reference.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog, isDraft, maxPoints } from '../catalog';
import { BUDGET_MARGIN, referenceCost } from '../reference-costs';
import { ROOT, gradeInPlace } from './support';

describe.each(catalog.map((spec) => [spec.slug, spec] as const))('%s', (slug, spec) => {
  test('the reference solution scores 100 %', async () => {
    const result = await gradeInPlace(slug, 'solutions');
    const failures = result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.status}: ${t.message}`);
    expect(failures).toEqual([]);
    expect(result.score).toBe(maxPoints(spec));
    expect(result.maxScore).toBe(maxPoints(spec));
    expect(result.notes).toEqual([]);

    // The README's rubric is what learners read: it must list exactly these tests, with the clauses each checks.
    const readme = fs.readFileSync(path.join(ROOT, 'exercises', slug, 'README.md'), 'utf8');
    const rubric = [...readme.matchAll(/^\| (\d+) \| (\d+) \| (.+?) \| ([A-Z]+-[\d.]+(?:, [A-Z]+-[\d.]+)*) \| (\w+) \|$/gm)].map((m) => [Number(m[1]), Number(m[2]), m[3], m[4], m[5]]);
    expect(rubric).toEqual(result.tests.map((t) => [t.task, t.maxPoints, t.name, (t.clauses ?? []).join(', '), t.category]));

    // Every budget is BUDGET_MARGIN times what the reference used at most on a busy machine, as recorded (grading/reference-costs.ts).
    const measure = `npm run stress -- --seeds 1-10 --split --jobs 10 --burners 4 --write-costs ${slug}`;
    for (const t of result.tests) {
      const cost = referenceCost(slug, t.name);
      // Not measured yet for a draft: drafts.test.ts lists it as a todo.
      if (cost === undefined && isDraft(spec)) continue;
      expect(cost, `${t.name}: no reference cost recorded; measure it with ${measure}`).toBeDefined();
      expect(t.budgetMs, `${t.name}: its budget against the ${cost} ms of CPU time the reference needs`).toBeGreaterThanOrEqual(BUDGET_MARGIN * cost!);
    }
  });

  test('the untouched stub scores 0, each test failing cleanly with "not implemented"', async () => {
    const result = await gradeInPlace(slug, 'exercises');
    expect(result.score).toBe(0);
    expect(result.maxScore).toBe(maxPoints(spec));
    for (const t of result.tests) {
      expect(t.status, t.name).toBe('failed');
      expect(t.message, t.name).toMatch(/^not implemented: /);
    }
    expect(result.notes).toEqual([]);
  });

  test('the visible tests pass on the reference solution', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', slug, `exercises/${slug}`, '--reporter', 'dot'],
      { cwd: ROOT, env: { ...process.env, FAULTLINE_IMPL_ROOT: path.join(ROOT, 'solutions'), VITEST_WORKER_ID: '', VITEST_POOL_ID: '', VITEST: '' }, encoding: 'utf8' },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+[1-9]\d* passed \(/);
  });
});
