/**
 * Every exercise's contract ledger is complete and agrees with what learners
 * read: each clause id in the README or a stub's doc comments is in the
 * ledger and the other way round (harness/suite/ledger.ts). That every graded
 * test names the clauses it checks, and every clause is checked by a graded
 * test unless the ledger says why not, is checked on the reference's grade
 * (solutions.test.ts), which lists every graded test with its clauses.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLAUSE_MARK, type Ledger } from '../../harness/suite';
import { catalog } from '../catalog';
import { TSX_BIN } from '../paths';
import { ROOT, checkedExercises } from './support';

const ledgerOf = async (slug: string): Promise<Ledger> =>
  ((await import(path.join(ROOT, 'grading/suites', slug, 'ledger.ts'))) as { ledger: Ledger }).ledger;

/** The clause ids a text marks, `[BF-2.3]`, in order of appearance. */
const marks = (text: string): string[] => [...text.matchAll(CLAUSE_MARK)].map((m) => m[1]!);

describe.each(checkedExercises.map((spec) => [spec.slug, spec] as const))('%s', (slug, spec) => {
  test('the ledger has well-formed ids of this exercise, each with a summary', async () => {
    const ledger = await ledgerOf(slug);
    expect(ledger.exercise).toBe(slug);
    expect(ledger.clauses.length).toBeGreaterThan(0);
    const taskIds = new Set([0, ...spec.tasks.map((t) => t.id)]);
    for (const clause of ledger.clauses) {
      const match = /^([A-Z]+)-(\d+)\.\d+$/.exec(clause.id);
      expect(match?.[1], clause.id).toBe(spec.clausePrefix);
      expect(taskIds.has(Number(match?.[2])), `${clause.id}: no task ${match?.[2]}`).toBe(true);
    }
  });

  test('the README and the stubs mark exactly the ledger clauses', async () => {
    const ledger = await ledgerOf(slug);
    const sources = ['README.md', ...spec.learnerFiles, ...spec.providedFiles].map((file) => fs.readFileSync(path.join(ROOT, 'exercises', slug, file), 'utf8'));
    const marked = new Set(sources.flatMap(marks));
    const listed = new Set(ledger.clauses.map((c) => c.id));
    expect([...marked].filter((id) => !listed.has(id)), 'marked in the README or a stub, missing from the ledger').toEqual([]);
    expect([...listed].filter((id) => !marked.has(id)), 'in the ledger, marked nowhere a learner reads').toEqual([]);
  });
});

test('npm run ledger prints a line of counts for every exercise', () => {
  const run = spawnSync(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/ledger-summary.ts')], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  for (const spec of catalog) expect(run.stdout).toMatch(new RegExp(`^\\| ${spec.slug} \\| [1-9]\\d* \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\|$`, 'm'));
});
