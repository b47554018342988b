/**
 * grading/sandbox.ts: what graded code may read. The hostile test
 * (reads-secrets.ts in hostile.test.ts) shows the permission model enforcing
 * it; this shows the list itself holds everything a grade loads and nothing
 * that reveals a reference.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { committedFiles } from '../shipping';
import { readableInGrade, unreadableInGrade } from '../sandbox';
import { ROOT } from './support';

const allowed = readableInGrade(ROOT).map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
const covered = (rel: string): boolean => allowed.some((a) => rel === a || rel.startsWith(`${a.replace(/\/\*$/, '')}/`));

describe('what graded code may read', () => {
  test('no committed file that never ships, and nothing of .git, .stryker-tmp or .faultline, is readable', () => {
    const secret = committedFiles(ROOT).map((f) => f.path).filter((file) => unreadableInGrade(file) !== undefined);
    expect(secret.some((file) => file.startsWith('solutions/'))).toBe(true);
    expect(secret.some((file) => /^grading\/suites\/[^/]+\/broken\//.test(file))).toBe(true);
    expect(secret.filter(covered)).toEqual([]);
    for (const folder of ['.git', '.stryker-tmp', '.faultline', '.faultline/staging']) expect(covered(`${folder}/x`), folder).toBe(false);
  });

  test('every file a grade loads is readable: the harness, the hidden suites, the stubs and provided files, vitest and the configs', () => {
    const needed = committedFiles(ROOT)
      .map((f) => f.path)
      .filter((file) => /^(harness\/(?!test\/)|grading\/suites\/[^/]+\/(?!broken\/)|exercises\/|grading\/(catalog|import-guard|sandbox|shipping)\.ts$|vitest\.config\.ts$|package\.json$|tsconfig\.json$)/.test(file));
    expect(needed.length).toBeGreaterThan(50);
    expect(needed.filter((file) => !covered(file))).toEqual([]);
    expect(covered('node_modules/vitest/package.json')).toBe(true);
  });

  test('a folder that holds a secret part is listed entry by entry, and the rest of it stays readable', () => {
    expect(allowed).not.toContain('grading');
    expect(allowed).not.toContain('grading/suites/raft');
    expect(covered('grading/suites/raft/election.test.ts')).toBe(true);
    expect(covered('grading/suites/raft/broken/double-vote.ts')).toBe(false);
    expect(covered('grading/reports/terminal.ts')).toBe(true);
  });
});
