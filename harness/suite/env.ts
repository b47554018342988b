/**
 * The run's settings, passed by the grader (or the learner) through the
 * environment and read once, when the suite loads, before any learner code
 * runs, so learner code cannot change them afterwards.
 *
 * - `FAULTLINE_SEED`     run seed, an integer in [0, 2^32); default 1.
 * - `FAULTLINE_SKIP`     path of a JSON array of test names that already have a result (the grader resumes after a crash).
 * - `FAULTLINE_ONLY`     path of a JSON array of test names: run only these (a known-wrong variant graded on the tests it must fail).
 * - `FAULTLINE_PROGRESS` path of a file that receives a line as each graded test starts and ends.
 * - `FAULTLINE_REPLAY`   `<test key>:<fast-check path>[@<commands replay path>…]`: replay one shrunk counterexample
 *   directly (replay.ts).
 * - `FAULTLINE_NO_SHRINK` `1`: a failed property reports its first counterexample, unshrunk. For runs that need
 *   only the verdict (grading/variants/batch.ts grades known-wrong variants): a property that fails, fails shrunk or not.
 * - `FAULTLINE_DEADLINE_SCALE` a factor in [1, 100] on every deadline; default 1. Mutation testing sets it
 *   (grading/mutation/run.ts): instrumented code runs slower, and a correct mutant must never miss a deadline.
 */
import fs from 'node:fs';
import { parseReplay } from './replay';

export const DEFAULT_SEED = 1;

export function parseSeed(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_SEED;
  const seed = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new RangeError(`faultline: FAULTLINE_SEED must be an integer in [0, 4294967295], got ${JSON.stringify(text)}`);
  }
  return seed;
}

function readNames(file: string | undefined): ReadonlySet<string> | undefined {
  if (!file) return undefined;
  const names: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw new TypeError(`faultline: ${file} must hold a JSON array of test names`);
  }
  return new Set(names as string[]);
}

export function parseDeadlineScale(text: string | undefined): number {
  if (text === undefined || text === '') return 1;
  const scale = Number(text);
  if (!Number.isFinite(scale) || scale < 1 || scale > 100) {
    throw new RangeError(`faultline: FAULTLINE_DEADLINE_SCALE must be a number in [1, 100], got ${JSON.stringify(text)}`);
  }
  return scale;
}

export const runSettings = Object.freeze({
  seed: parseSeed(process.env.FAULTLINE_SEED),
  skip: readNames(process.env.FAULTLINE_SKIP) ?? new Set<string>(),
  only: readNames(process.env.FAULTLINE_ONLY),
  progressFile: process.env.FAULTLINE_PROGRESS || undefined,
  replay: parseReplay(process.env.FAULTLINE_REPLAY),
  deadlineScale: parseDeadlineScale(process.env.FAULTLINE_DEADLINE_SCALE),
  noShrink: process.env.FAULTLINE_NO_SHRINK === '1',
});
