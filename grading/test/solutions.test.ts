/**
 * The suites are honest at both ends: every reference solution earns every
 * point, within budgets far above what it needs, every untouched stub earns
 * none and is reported as "not implemented", and the visible tests pass on
 * the reference. The reference's grade also shows the contract ledger
 * complete: every graded test names its clauses, every clause has a test or
 * a reason (the rest of the ledger's checks: ledger.test.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Ledger } from '../../harness/suite';
import { isDraft, maxPoints } from '../catalog';
import type { ExerciseResult } from '../model';
import { BUDGET_MARGIN, referenceCost } from '../reference-costs';
import { rubricCounts } from '../readme-figures';
import { ROOT, checkedExercises, gradeInPlace } from './support';

describe.each(checkedExercises.map((spec) => [spec.slug, spec] as const))('%s', (slug, spec) => {
  // One grade of the reference for the tests below: it lists every graded test with its points and clauses.
  let graded: Promise<ExerciseResult> | undefined;
  const reference = () => (graded ??= gradeInPlace(slug, 'solutions'));

  test('the reference solution scores 100 %', async () => {
    const result = await reference();
    const failures = result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.status}: ${t.message}`);
    expect(failures).toEqual([]);
    expect(result.score).toBe(maxPoints(spec));
    expect(result.maxScore).toBe(maxPoints(spec));
    expect(result.notes).toEqual([]);

    // The README's rubric is what learners read: it must list exactly these tests, with the clauses each checks.
    const readme = fs.readFileSync(path.join(ROOT, 'exercises', slug, 'README.md'), 'utf8');
    const rubric = [...readme.matchAll(/^\| (\d+) \| (\d+) \| (.+?) \| ([A-Z]+-[\d.]+(?:, [A-Z]+-[\d.]+)*) \| (\w+) \|$/gm)].map((m) => [Number(m[1]), Number(m[2]), m[3], m[4], m[5]]);
    expect(rubric).toEqual(result.tests.map((t) => [t.task, t.maxPoints, t.name, (t.clauses ?? []).join(', '), t.category]));
    // Its counts too, where it states them (npx tsx grading/readme-figures.ts writes rows and counts).
    const counts = rubricCounts(readme);
    if (counts !== undefined) expect(counts).toEqual({ tests: result.tests.length, points: result.maxScore });

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

  test('every graded test names its clauses, and every clause of the ledger is graded or says why not', async () => {
    const { ledger } = (await import(path.join(ROOT, 'grading/suites', slug, 'ledger.ts'))) as { ledger: Ledger };
    const result = await reference();
    const listed = new Map(ledger.clauses.map((c) => [c.id, c]));
    const tested = new Map<string, string[]>();
    for (const t of result.tests) {
      expect(t.clauses?.length ?? 0, `"${t.name}" names no clause`).toBeGreaterThan(0);
      for (const id of t.clauses ?? []) {
        expect(listed.has(id), `"${t.name}" names ${id}, which the ledger lacks`).toBe(true);
        tested.set(id, [...(tested.get(id) ?? []), t.name]);
      }
    }
    const untested = ledger.clauses.filter((c) => c.ungraded === undefined && !tested.has(c.id)).map((c) => `${c.id} ${c.summary}`);
    expect(untested, 'clauses no graded test checks (add a test, or say in the ledger why it is ungraded)').toEqual([]);
    const gradedAnyway = ledger.clauses.filter((c) => c.ungraded !== undefined && tested.has(c.id)).map((c) => `${c.id}: ${tested.get(c.id)!.join(' | ')}`);
    expect(gradedAnyway, 'clauses marked ungraded that a test names').toEqual([]);
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
