/**
 * Which code `@impl/<slug>` resolves to. The vitest config maps the alias to
 * `<implRoot>/<slug>/<entry>`; this module decides `implRoot`.
 *
 * From a submission only the catalog's learner files are taken, found by the
 * one rule in grading/submission.ts and copied into a staging folder beside our
 * provided files (as re-exports of the grader's own copies, so a submission
 * cannot replace a helper the suite relies on). An exercise with a learner file
 * not found is not staged: it is `missing`, and the grader does not run it.
 * Tests, suites and configuration always come from the grader's checkout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { type ExerciseSpec } from './catalog';
import type { Provenance, SubmittedFiles } from './model';
import { ROOT } from './paths';
import { combinedHash, gitProvenance, placementNote, takeSubmission } from './submission';

export interface StagedImpl {
  /** The folder holding `<slug>/` for every staged exercise. */
  readonly root: string;
  /** What staging noticed per exercise (a learner file taken from an unexpected place). */
  readonly notes: ReadonlyMap<string, readonly string[]>;
  /** For a submission: what it held for each exercise; an exercise `missing` here was not staged. */
  readonly submitted?: ReadonlyMap<string, SubmittedFiles>;
  /** For a submission: its commit and the hash of every file taken. */
  readonly provenance?: Provenance;
  /** Removes the staging folder (no-op for exercises/ and solutions/). */
  cleanup(): void;
}

const STAGING = path.join(ROOT, '.faultline', 'staging');

export function inPlace(kind: 'exercises' | 'solutions'): StagedImpl {
  return { root: path.join(ROOT, kind), notes: new Map(), cleanup: () => undefined };
}

function stagingFolder(): string {
  const dir = path.join(STAGING, randomUUID());
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function writeProvided(spec: ExerciseSpec, into: string): void {
  for (const file of spec.providedFiles) {
    const target = path.join(ROOT, 'exercises', spec.slug, file).replace(/\.ts$/, '');
    fs.writeFileSync(path.join(into, file), `export * from ${JSON.stringify(target)};\n`);
  }
}

/**
 * Stages the learner files of `specs` from the submission folder, wherever the
 * rule of grading/submission.ts finds them, and records what was taken: each
 * file's origin and SHA-256, the folder's git commit.
 */
export function stageSubmission(submission: string, specs: readonly ExerciseSpec[]): StagedImpl {
  const root = stagingFolder();
  const notes = new Map<string, string[]>();
  const submitted = new Map<string, SubmittedFiles>();
  const taken = takeSubmission(submission, specs);
  for (const [i, exercise] of taken.entries()) {
    const spec = specs[i]!;
    submitted.set(spec.slug, exercise.submitted);
    const placed = exercise.submitted.files.map((f) => placementNote(spec.slug, f)).filter((note) => note !== undefined);
    if (placed.length > 0) notes.set(spec.slug, placed.map((note) => `submission: ${note}`));
    if (exercise.submitted.status === 'missing') continue;
    const into = path.join(root, spec.slug);
    fs.mkdirSync(into, { recursive: true });
    writeProvided(spec, into);
    for (const [file, bytes] of exercise.contents) fs.writeFileSync(path.join(into, file), bytes);
  }
  const git = gitProvenance(
    submission,
    taken.flatMap((e) => e.submitted.files.map((f) => ({ from: f.from, bytes: e.contents.get(f.file)! }))),
  );
  return { root, notes, submitted, provenance: { ...git, sha256: combinedHash(taken) }, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/**
 * Stages one file in place of one learner file (`as`, by default the entry):
 * how a known-wrong variant or a hostile fixture is graded. The exercise's
 * other learner files come from the reference solution, so the variant's one
 * mistake is the only one.
 */
export const stageFile = (spec: ExerciseSpec, file: string, as: string = spec.entry): StagedImpl => stageFiles(spec, { [as]: file });

/**
 * Stages the given learner files (name → path), the reference for the others:
 * how a red team's variant is graded, its base under its one changed file.
 */
export function stageFiles(spec: ExerciseSpec, files: Readonly<Record<string, string>>): StagedImpl {
  return stageContents(spec, Object.fromEntries(Object.entries(files).map(([as, file]) => [as, fs.readFileSync(file, 'utf8')])));
}

/**
 * Stages learner files given by their text (name → contents), the reference for the others: how a known-wrong
 * variant, materialised from its patch (grading/variants), is graded.
 */
export function stageContents(spec: ExerciseSpec, contents: Readonly<Record<string, string>>): StagedImpl {
  const root = stagingFolder();
  writeStaged(spec, path.join(root, spec.slug), contents);
  return { root, notes: new Map(), cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Writes an exercise's staged folder `into`: our provided files, the given learner files, the reference for the others. */
export function writeStaged(spec: ExerciseSpec, into: string, contents: Readonly<Record<string, string>>): void {
  for (const as of Object.keys(contents)) {
    if (!spec.learnerFiles.includes(as)) throw new RangeError(`staging: ${as} is not one of ${spec.slug}'s learner files (${spec.learnerFiles.join(', ')})`);
  }
  fs.mkdirSync(into, { recursive: true });
  writeProvided(spec, into);
  for (const file of spec.learnerFiles) {
    const text = contents[file];
    if (text === undefined) fs.copyFileSync(path.join(ROOT, 'solutions', spec.slug, file), path.join(into, file));
    else fs.writeFileSync(path.join(into, file), text);
  }
}
