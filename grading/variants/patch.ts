/**
 * A known-wrong variant is stored as a patch over the implementation it breaks
 * (the reference solution, or a red team's own correct base): a description
 * in plain words, a blank line, then a unified diff of the learner files it
 * changes. A reader sees the mistake, its clause ids and where it shipped in a
 * few lines; the grader materialises the whole learner files from the patch.
 *
 *   Broken Raft node: votes for every candidate of a term.
 *
 *   Seen in: camunda/camunda#5368 …
 *
 *   --- a/raft.ts
 *   +++ b/raft.ts
 *   @@ -111,7 +111,7 @@
 *   …
 *
 * A patch applies exactly (context lines must match; a hunk may move, as with
 * `patch`), or it does not apply at all and says which variant, which file
 * and which hunk. jsdiff (the `diff` package) parses, makes and applies diffs.
 */
import { FILE_HEADERS_ONLY, applyPatch, formatPatch, parsePatch, structuredPatch, type StructuredPatch } from 'diff';

/** Context lines around each change: what `git diff` shows. */
const CONTEXT = 3;
const FILE_HEADER = /^--- a\//m;

export class VariantPatchError extends Error {
  override name = 'VariantPatchError';
}

export interface VariantPatch {
  /** The plain-words account of the mistake: everything before the diff. */
  readonly description: string;
  /** One diff per learner file the variant changes, by its name in the exercise folder. */
  readonly files: ReadonlyMap<string, StructuredPatch>;
}

/** A learner file before and after the mistake. */
export interface FileChange {
  readonly name: string;
  readonly before: string;
  readonly after: string;
}

const stripPrefix = (name: string | undefined, prefix: string, where: string): string => {
  if (name === undefined || !name.startsWith(prefix)) throw new VariantPatchError(`${where}: a file header must read "--- a/<file>" and "+++ b/<file>", got ${JSON.stringify(name)}`);
  return name.slice(prefix.length);
};

/** Splits a variant's patch into its description and its per-file diffs. `where` names it in every error. */
export function parseVariantPatch(text: string, where: string): VariantPatch {
  const at = text.search(FILE_HEADER);
  if (at < 0) throw new VariantPatchError(`${where}: no diff (a line "--- a/<file>" starts one)`);
  const description = text.slice(0, at).trim();
  if (description === '') throw new VariantPatchError(`${where}: the description before the diff is empty; say what the mistake is and where it shipped`);
  let parsed: StructuredPatch[];
  try {
    parsed = parsePatch(text.slice(at));
  } catch (error) {
    throw new VariantPatchError(`${where}: the diff does not parse: ${(error as Error).message}`);
  }
  const files = new Map<string, StructuredPatch>();
  for (const patch of parsed) {
    const name = stripPrefix(patch.oldFileName, 'a/', where);
    if (stripPrefix(patch.newFileName, 'b/', where) !== name) throw new VariantPatchError(`${where}: a diff may change a file, not rename it (${name})`);
    if (files.has(name)) throw new VariantPatchError(`${where}: ${name} has two diffs`);
    if (patch.hunks.length === 0) throw new VariantPatchError(`${where}: the diff of ${name} changes nothing`);
    files.set(name, patch);
  }
  return { description, files };
}

/**
 * Applies each file's diff to its base text (`base(name)`); the result has an entry for each changed file.
 * Throws, naming the variant, the file and the first hunk that no longer matches, when a base changed under it.
 */
export function applyVariantPatch(patch: VariantPatch, base: (name: string) => string, where: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, diff] of patch.files) {
    const before = base(name);
    const after = applyPatch(before, diff);
    if (after === false) {
      // Which hunk: apply them one at a time, in order, until one fails.
      let text = before;
      let failed = diff.hunks[0]!;
      for (const hunk of diff.hunks) {
        const next = applyPatch(text, { ...diff, hunks: [hunk] });
        if (next === false) {
          failed = hunk;
          break;
        }
        text = next;
      }
      throw new VariantPatchError(
        `${where} no longer applies to ${name}: the lines of its hunk at line ${failed.oldStart} are not in the file any more. ` +
          'Its base changed: rewrite the variant against the new base (npm run variant -- --help says how).',
      );
    }
    out.set(name, after);
  }
  return out;
}

/** The canonical text of a variant's patch: its description, a blank line, then each changed file's diff in name order. */
export function renderVariantPatch(description: string, changes: readonly FileChange[]): string {
  const diffs = [...changes]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((change) => change.before !== change.after)
    .map((change) => formatPatch(structuredPatch(`a/${change.name}`, `b/${change.name}`, change.before, change.after, undefined, undefined, { context: CONTEXT }), FILE_HEADERS_ONLY));
  if (diffs.length === 0) throw new VariantPatchError('a variant must change something: its files are the same as the base');
  const text = description.trim();
  if (FILE_HEADER.test(text)) throw new VariantPatchError('a description may not hold a line starting "--- a/": it would read as the start of the diff');
  return `${text}\n\n${diffs.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('')}`;
}

/** How many lines a patch adds and removes: what a reviewer reads. */
export function changedLines(patch: VariantPatch): number {
  let count = 0;
  for (const diff of patch.files.values()) for (const hunk of diff.hunks) count += hunk.lines.filter((line) => line.startsWith('+') || line.startsWith('-')).length;
  return count;
}
