/**
 * A private suite (`grade --suite DIR`): an instructor's hidden tests, shaped
 * like `grading/suites` (`DIR/<slug>/*.test.ts`, optionally `DIR/<slug>/broken/`),
 * graded instead of ours.
 *
 * Our suites import by relative path (`'../../../harness'`, `'../../catalog'`,
 * `'../../../exercises/<slug>/…'`), so an instructor's copy of one would not
 * resolve where it lies. DIR is therefore copied to `grading/.suite-<uuid>/`,
 * at the same depth as `grading/suites/`, and the runner points vitest at it
 * (FAULTLINE_SUITE_DIR, read by `paths.ts` and `vitest.config.ts`). Suites may
 * also use the stable aliases `@faultline/suite` and `@faultline/catalog`.
 *
 * Points still come from the catalog: a private suite's tests must declare
 * them with `gradedSuite(exerciseSpec('<slug>'), …)`, and each task's tests
 * must add up to the catalog's points for that task.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { catalog } from './catalog';
import { ROOT } from './paths';

/** DIR is not a usable suite for what was asked; the CLI reports it as a usage error. */
export class SuiteError extends Error {}

export interface StagedSuite {
  /** The staged copy: `<root>/<slug>/` for every exercise of the suite. */
  readonly root: string;
  /** Removes the staged copy; safe to call more than once. */
  cleanup(): void;
}

function hasTestFile(dir: string): boolean {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name.endsWith('.test.ts')) return true;
    if (entry.isDirectory() && hasTestFile(full)) return true;
  }
  return false;
}

/**
 * The exercises DIR has a suite for, among `requested` (or among the whole
 * catalog when nothing was requested). Throws SuiteError when DIR is not a
 * folder, when a requested exercise has no `DIR/<slug>/` with a `*.test.ts`,
 * or when DIR has a suite for none of them.
 */
export function suiteSlugs(dir: string, requested: readonly string[]): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new SuiteError(`--suite: ${dir} is not a folder`);
  const has = (slug: string) => {
    const folder = path.join(dir, slug);
    return fs.existsSync(folder) && fs.statSync(folder).isDirectory() && hasTestFile(folder);
  };
  if (requested.length > 0) {
    const missing = requested.filter((slug) => !has(slug));
    if (missing.length > 0) {
      throw new SuiteError(
        `--suite: ${dir} has no suite for ${missing.join(', ')}: expected ${missing.map((slug) => `${path.join(dir, slug)}/*.test.ts`).join(', ')} (the same shape as grading/suites)`,
      );
    }
    return [...requested];
  }
  const found = catalog.map((e) => e.slug).filter(has);
  if (found.length === 0) {
    throw new SuiteError(`--suite: ${dir} holds no suite: expected a folder <slug>/ with *.test.ts files for one of ${catalog.map((e) => e.slug).join(', ')}`);
  }
  return found;
}

/**
 * Copies DIR beside grading/suites: the folders of the exercises graded, and
 * whatever else DIR holds besides other exercises' folders (shared helpers),
 * without dot-files and node_modules. Symlinks are followed: the suite is the instructor's own.
 */
export function stageSuite(dir: string, slugs: readonly string[]): StagedSuite {
  const root = path.join(ROOT, 'grading', `.suite-${randomUUID()}`);
  const source = path.resolve(dir);
  const otherExercises = new Set(catalog.map((e) => e.slug).filter((slug) => !slugs.includes(slug)));
  fs.cpSync(source, root, {
    recursive: true,
    dereference: true,
    filter: (from) => {
      if (from === source) return true;
      const name = path.basename(from);
      if (name.startsWith('.') || name === 'node_modules') return false;
      return !(path.dirname(from) === source && otherExercises.has(name));
    },
  });
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
