/**
 * The mutation gate: for every exercise (grading/mutation/gate.ts), the
 * committed incremental report must have been made from exactly the
 * checkout's inputs, and an incremental `npm run mutation -- <slug> --check`
 * (StrykerJS: a dry run, then every verdict reused or run again) must score at
 * least MIN_SCORE, with an allow-list of equivalent mutants that matches
 * exactly the survivors. A stale report fails at once, with the command that
 * refreshes it; a current one costs about a dry run of the suite. Two
 * exercises are checked at a time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { CI_EXERCISES, MIN_SCORE } from '../mutation/gate';
import type { MutationSummary } from '../mutation/report';
import { ROOT, TSX_BIN } from '../paths';
import { shellEnv } from './support';

/** Stryker runs at once. Each keeps about one process busy at a time (its own, or its test runner's), so two fill a 2-core machine. */
const JOBS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  while (running >= JOBS) await new Promise<void>((wake) => waiting.push(wake));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function mutationCheck(slug: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_BIN, path.join(ROOT, 'grading/mutation/run.ts'), slug, '--check', '--concurrency', '1', '--min', String(MIN_SCORE)], { cwd: ROOT, env: shellEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('mutation testing of the reference solutions', () => {
  if (CI_EXERCISES.length === 0) test.skip('the gate is suspended: grading/mutation/gate.ts says why', () => undefined);
  for (const slug of CI_EXERCISES) {
    test.concurrent(`the ${slug} suite kills at least ${MIN_SCORE} % of the mutants of its reference, by a committed report made from this checkout, and every allow-listed mutant is a survivor`, { timeout: 10 * 60_000 }, async ({ expect }) => {
      const report = path.join(ROOT, 'reports', 'mutation', `${slug}.json`);
      // Never read an earlier run's verdict.
      fs.rmSync(report, { force: true });
      const run = await inTurn(() => mutationCheck(slug));
      const stale = run.stdout.indexOf('the committed mutation report is stale');
      expect(stale, run.stdout.slice(stale)).toBe(-1);
      expect(fs.existsSync(report), `no report: the run failed\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`).toBe(true);
      const summary = JSON.parse(fs.readFileSync(report, 'utf8')) as MutationSummary;
      expect(summary.exercise).toBe(slug);
      expect(summary.mutants).toBeGreaterThan(50);
      const tail = run.stdout.slice(run.stdout.indexOf(`${slug}: mutation score`));
      expect(summary.problems, tail).toEqual([]);
      expect(summary.score, tail).toBeGreaterThanOrEqual(MIN_SCORE);
      expect(run.status, `${tail}\n${run.stderr.slice(-2000)}`).toBe(0);
    });
  }
});
