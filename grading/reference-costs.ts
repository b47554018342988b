/**
 * What each graded test's body costs the reference solution: the most CPU
 * time it used over a stress run on a busy machine
 * (`npm run stress -- --seeds 1-10 --split --jobs 10 --burners 4 --write-costs`).
 * A timeout's message quotes it, so that a learner can tell "my code is slow"
 * from "the machine was busy"; `grading/test/solutions.test.ts` holds every
 * test's budget to at least BUDGET_MARGIN times it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

export const REFERENCE_COSTS = path.join(ROOT, 'grading', 'reference-costs.json');
/** A budget is at least this many times what the reference needs. */
export const BUDGET_MARGIN = 4;

export interface ReferenceCosts {
  /** Per exercise, the command that measured it. */
  measured: Record<string, string>;
  /** Per exercise, per test name, milliseconds of CPU time. */
  exercises: Record<string, Record<string, number>>;
}

let cached: ReferenceCosts | null | undefined;

/** The recorded file, or null if there is none (a private suite's tests are not in it either). */
export function referenceCosts(): ReferenceCosts | null {
  if (cached === undefined) cached = fs.existsSync(REFERENCE_COSTS) ? (JSON.parse(fs.readFileSync(REFERENCE_COSTS, 'utf8')) as ReferenceCosts) : null;
  return cached;
}

/** The reference's CPU time for one test, in milliseconds, if it was measured. */
export function referenceCost(exercise: string, test: string): number | undefined {
  return referenceCosts()?.exercises[exercise]?.[test];
}
