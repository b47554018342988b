/**
 * What code under test may read while it is graded (vitest.config.ts passes
 * these paths to Node's permission model as `--allow-fs-read`).
 *
 * A grade runs beside the maintainers' whole checkout, or beside an
 * instructor's copy with a private suite, so "the checkout" is too much: a
 * submission could read the reference (`solutions/`), the known-wrong
 * variants, the mutation allow-lists that quote the reference, git's object
 * store, Stryker's sandboxes (copies of the reference) or another student's
 * staged code, and print it into its own report. Node's permission model
 * takes only allow-lists, so this lists the checkout's entries one by one:
 * everything but what grading/shipping.ts withholds and the folders below,
 * descending only into the folders that hold both (grading/, its suites/, and
 * each suite, whose `broken/` is withheld). The grade's own folders (the
 * staged code under test, a staged private suite) are allowed by the config
 * beside these.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WITHHELD, withheld } from './shipping.ts';

/** Top-level folders of a checkout that never ship because git does not hold them, and that learner code must not read. */
const PRIVATE_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['.git', "git's object store: every committed version of the reference"],
  ['.stryker-tmp', "Stryker's sandboxes: copies of the reference, mutated"],
  ['.faultline', 'staged submissions (other students’ code, in a batch), private suites and results; the grade allows its own'],
]);

/**
 * The folders a withheld part lies inside, as patterns of path segments (`*` for `<slug>`): only these are
 * listed entry by entry; every other folder is allowed whole.
 */
function mixedFolders(): string[][] {
  const prefixes: string[][] = [];
  for (const { part } of WITHHELD) {
    const segments = part.replace(/\/$/, '').split('/').map((s) => (s.startsWith('<') || s.includes('*') ? '*' : s));
    for (let n = 1; n < segments.length; n++) prefixes.push(segments.slice(0, n));
  }
  return prefixes;
}

const matches = (pattern: readonly string[], segments: readonly string[]): boolean =>
  pattern.length === segments.length && pattern.every((p, i) => p === '*' || p === segments[i]);

/**
 * The absolute paths under `root` that graded code may read: each a file or a folder allowed whole. Nothing
 * withheld, nothing in PRIVATE_FOLDERS; symbolic links are left out (their target could be anywhere).
 */
export function readableInGrade(root: string): string[] {
  const mixed = mixedFolders();
  const allowed: string[] = [];
  const walk = (segments: string[]): void => {
    // vitest looks for a test file's snapshots beside it, whether or not there are any: a path that may not exist.
    if (segments.length > 0) allowed.push(`${path.join(root, ...segments, '__snapshots__')}/*`);
    for (const entry of fs.readdirSync(path.join(root, ...segments), { withFileTypes: true })) {
      const child = [...segments, entry.name];
      const rel = child.join('/');
      if (child.length === 1 && PRIVATE_FOLDERS.has(entry.name)) continue;
      if (entry.isSymbolicLink() && entry.name !== 'node_modules') continue;
      if (withheld(entry.isDirectory() ? `${rel}/` : rel) !== undefined) continue;
      if (entry.isDirectory() && mixed.some((pattern) => matches(pattern, child))) walk(child);
      else allowed.push(path.join(root, ...child));
    }
  };
  walk([]);
  return allowed;
}

/** Why graded code may not read `rel` (a path relative to the checkout), or undefined when it may. */
export function unreadableInGrade(rel: string): string | undefined {
  const top = rel.split('/')[0]!;
  return PRIVATE_FOLDERS.get(top) ?? withheld(rel);
}
