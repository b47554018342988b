/**
 * Every exercise's contract ledger is complete and agrees with what learners
 * read: each clause id in the README or a stub's doc comments is in the
 * ledger and the other way round, every graded test names the clauses it
 * checks, and every clause is checked by a graded test unless the ledger says
 * why not (harness/suite/ledger.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLAUSE_MARK, type Ledger } from '../../harness/suite';
import { catalog } from '../catalog';
import { TSX_BIN } from '../paths';
import { ROOT, gradeInPlace } from './support';

const ledgerOf = async (slug: string): Promise<Ledger> =>
  ((await import(path.join(ROOT, 'grading/suites', slug, 'ledger.ts'))) as { ledger: Ledger }).ledger;

/** The clause ids a text marks, `[BF-2.3]`, in order of appearance. */
const marks = (text: string): string[] => [...text.matchAll(CLAUSE_MARK)].map((m) => m[1]!);

describe.each(catalog.map((spec) => [spec.slug, spec] as const))('%s', (slug, spec) => {
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

  test('every graded test names its clauses, and every clause is graded or says why not', async () => {
    const ledger = await ledgerOf(slug);
    // The stub's grade lists every graded test with its meta, and runs no learner code past "not implemented".
    const result = await gradeInPlace(slug, 'exercises');
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
});

test('npm run ledger prints a line of counts for every exercise', () => {
  const run = spawnSync(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/ledger-summary.ts')], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  for (const spec of catalog) expect(run.stdout).toMatch(new RegExp(`^\\| ${spec.slug} \\| [1-9]\\d* \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\|$`, 'm'));
});
