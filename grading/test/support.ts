/** Helpers for the repo's own tests: grade something, in-process, and look at the result. */
import path from 'node:path';
import { catalog, exerciseSpec } from '../catalog';
import { grade } from '../grade';
import { inPlace, stageFile, stageFiles, type StagedImpl } from '../impl';
import type { ExerciseResult, ImplKind, RunResult, TestResult } from '../model';
import { ROOT } from '../paths';
import { findVariant, stageVariant, type Variant } from '../variants';

export { ROOT };

/**
 * The exercises the per-exercise self-tests cover: every one, or the one `npm run check -- <slug>` names
 * (grading/check.ts sets FAULTLINE_CHECK).
 */
export const checkedExercises = process.env.FAULTLINE_CHECK ? catalog.filter((spec) => spec.slug === process.env.FAULTLINE_CHECK) : catalog;

async function gradeStaged(slug: string, staged: StagedImpl, impl: ImplKind, seed: number, only?: readonly string[]): Promise<ExerciseResult> {
  try {
    const run = await grade({ specs: [exerciseSpec(slug)], staged, impl, seed, ...(only === undefined ? {} : { only }) });
    return run.exercises[0]!;
  } finally {
    staged.cleanup();
  }
}

/** Grades `exercises/` or `solutions/` in place. */
export const gradeInPlace = (slug: string, kind: 'exercises' | 'solutions', seed = 1) => gradeStaged(slug, inPlace(kind), kind, seed);

/**
 * Grades one file as if it were the learner's `as` file (default: the entry), with the reference for the others;
 * with `only`, on those tests alone (the result lists just them).
 */
export const gradeFile = (slug: string, file: string, seed = 1, as?: string, only?: readonly string[]) =>
  gradeStaged(slug, stageFile(exerciseSpec(slug), path.resolve(ROOT, file), as), 'submission', seed, only);

/** Grades a set of learner files (name → path relative to ROOT), the reference for the rest; with `only`, on those tests alone. */
export const gradeFiles = (slug: string, files: Readonly<Record<string, string>>, seed = 1, only?: readonly string[]) =>
  gradeStaged(slug, stageFiles(exerciseSpec(slug), Object.fromEntries(Object.entries(files).map(([as, file]) => [as, path.resolve(ROOT, file)]))), 'submission', seed, only);

/** A known-wrong variant by its id (`negative-index`, `redteam-2/apply-at-next-tick`; grading/variants). */
export async function variantById(slug: string, id: string): Promise<Variant> {
  const variant = await findVariant(slug, id);
  if (variant === undefined) throw new Error(`${slug} has no known-wrong variant "${id}"`);
  return variant;
}

/** Stages a known-wrong variant, materialised from its patch, as a learner's files. */
export const stageVariantById = async (slug: string, id: string): Promise<StagedImpl> => stageVariant(await variantById(slug, id));

/** Grades a known-wrong variant; with `only`, on those tests alone. */
export const gradeVariant = async (slug: string, id: string, seed = 1, only?: readonly string[]): Promise<ExerciseResult> =>
  gradeStaged(slug, await stageVariantById(slug, id), 'submission', seed, only);

export function testNamed(result: ExerciseResult, name: string): TestResult {
  const test = result.tests.find((t) => t.name === name);
  if (!test) throw new Error(`no test named "${name}" in ${result.name}; have: ${result.tests.map((t) => t.name).join(' | ')}`);
  return test;
}

/** The environment of a learner's shell: none of the variables vitest sets for the test that spawns a process. */
export const shellEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS' && key !== 'TEST'));

/** A run's JSON without the fields that may differ between identical runs: what was measured (wall and CPU time). */
export const withoutDurations = (run: RunResult | ExerciseResult): unknown =>
  JSON.parse(JSON.stringify(run, (key, value: unknown) => (key === 'durationMs' || key === 'cpuMs' ? undefined : value)));
