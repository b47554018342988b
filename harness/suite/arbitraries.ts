/**
 * Arbitraries several suites share.
 *
 * `codePointString` generates exactly what `fc.string({ unit: 'binary' })`
 * generates for the same seed: any Unicode scalar value (every code point but
 * the surrogates), so strings are well formed. It avoids that unit's cost: the
 * first such string arbitrary in a process makes fast-check map all 1 112 064
 * code points back to their indexes, about 0.9 s, and a test worker paid it
 * before its first test.
 *
 * `commands` is `fc.commands` for graded suites: built inside a test that a
 * replay command reruns, it is handed the replay path its sequence printed, so
 * the shrunk sequence runs again exactly (fast-check cannot replay a sequence
 * of commands from its path alone).
 */
import fc from 'fast-check';
import { nextCommandsReplayPath } from './replay';

const SURROGATES = 0xe000 - 0xd800;

/** fast-check's own index order (its `fullAlphabetRanges`): 0 to U+D7FF, then U+E000 to U+10FFFF. */
const toScalar = (index: number): string => String.fromCodePoint(index < 0xd800 ? index : index + SURROGATES);

/**
 * Back from a one-scalar string to its index. With it fast-check can tell which strings the unit makes, so it
 * also mixes in its stock of awkward strings (`__proto__`, `valueOf`, …) as it does for its own units.
 */
function toIndex(value: unknown): number {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2) throw new Error('not one Unicode scalar value');
  const code = value.codePointAt(0)!;
  if (String.fromCodePoint(code) !== value || (code >= 0xd800 && code < 0xe000)) throw new Error('not one Unicode scalar value');
  return code < 0xd800 ? code : code - SURROGATES;
}

const scalarValue = fc.nat({ max: 0x10ffff - SURROGATES }).map(toScalar, toIndex);

/** Well-formed strings of any Unicode scalar values, shrinking towards shorter strings of lower code points. */
export function codePointString(constraints: { readonly minLength?: number; readonly maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: scalarValue });
}

/** `fc.commands`, replayable by the replay command a failure prints: build it inside the test body. */
export function commands<Model extends object, Real>(
  arbitraries: fc.Arbitrary<fc.Command<Model, Real>>[],
  constraints: Omit<fc.CommandsContraints, 'replayPath'> = {},
): fc.Arbitrary<Iterable<fc.Command<Model, Real>>> {
  const replayPath = nextCommandsReplayPath();
  return fc.commands(arbitraries, replayPath === undefined ? constraints : { ...constraints, replayPath });
}
