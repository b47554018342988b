/**
 * Does a copy of faultline hold any of the reference? A line-level check:
 * the reference's distinctive lines are its trimmed lines of 40 characters or
 * more that no exercise stub has (a doc comment the stub shares, an import,
 * a signature, says nothing of the solution); a file that holds one of them,
 * trimmed, as a line of its own leaks it.
 *
 * What it catches: a solution file or a known-wrong variant copied in whole or
 * in part, an allow-list that quotes the reference, a suite helper pasted from
 * it. What it does not: the reference reworded, or split into lines shorter
 * than the threshold. The edition is built from a list of what is needed and
 * checked against the withheld folders (grading/shipping.ts); this check is
 * the second line, on contents.
 */

/** Lines shorter than this, trimmed, are too common to say anything (`return undefined;`, `} else {`). */
export const MIN_DISTINCTIVE = 40;

const trimmedLines = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trim());

/**
 * The distinctive lines of the reference: each trimmed line of a `reference` file at least `min` characters long
 * that appears in no `stubs` file and is not one of the `reviewed` lines shared on purpose (shared-lines.ts),
 * mapped to the first reference file (and line) that has it.
 */
export function distinctiveLines(reference: ReadonlyMap<string, string>, stubs: ReadonlyMap<string, string>, reviewed: Iterable<string> = [], min = MIN_DISTINCTIVE): Map<string, string> {
  const shared = new Set([...[...stubs.values()].flatMap(trimmedLines), ...reviewed]);
  const lines = new Map<string, string>();
  for (const [file, text] of reference) {
    trimmedLines(text).forEach((line, i) => {
      if (line.length >= min && !shared.has(line) && !lines.has(line)) lines.set(line, `${file}:${i + 1}`);
    });
  }
  return lines;
}

/** One line of a checked file that is a distinctive line of the reference. */
export interface Leak {
  readonly file: string;
  readonly line: number;
  /** Where the reference has it: `solutions/<slug>/<file>:<line>`. */
  readonly source: string;
  readonly text: string;
}

/** Every line of `files` that is one of `distinctive` (from distinctiveLines), in file order. */
export function findLeaks(files: ReadonlyMap<string, string>, distinctive: ReadonlyMap<string, string>): Leak[] {
  const leaks: Leak[] = [];
  for (const [file, text] of files) {
    trimmedLines(text).forEach((line, i) => {
      const source = distinctive.get(line);
      if (source !== undefined) leaks.push({ file, line: i + 1, source, text: line });
    });
  }
  return leaks;
}

/** A leak as one line a maintainer can act on. */
export const describeLeak = (leak: Leak): string => `${leak.file}:${leak.line} holds ${leak.source} of the reference: ${JSON.stringify(leak.text.length > 100 ? `${leak.text.slice(0, 97)}...` : leak.text)}`;
