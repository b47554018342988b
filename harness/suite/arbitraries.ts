/**
 * Arbitraries several suites share.
 *
 * `codePointString` is what `fc.string({ unit: 'binary' })` generates (any
 * code point, lone surrogates included, uniformly), without its cost: the first
 * such string arbitrary in a process makes fast-check map all 1 114 112 code
 * points back to their indexes, about 0.9 s, and every test file runs in a
 * fresh worker that would pay it again before its first test.
 */
import fc from 'fast-check';

const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** Strings of any code points (lone surrogates included), shrinking towards shorter strings of lower code points. */
export function codePointString(constraints: { readonly maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: codePoint });
}
