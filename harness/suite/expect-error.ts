/** Assertions about errors that every suite shares. */
import { expect } from 'vitest';

/**
 * Asserts that `fn` throws a RangeError whose message is not empty and
 * contains each of `mentions` (the argument it names, the values it quotes). A stub's
 * NotImplementedError passes through unchanged, so the report says
 * "not implemented" rather than "expected a RangeError".
 */
export function expectRangeError(what: string, fn: () => unknown, ...mentions: string[]): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (thrown instanceof Error && thrown.name === 'NotImplementedError') throw thrown;
  expect(thrown, `${what} should throw a RangeError`).toBeInstanceOf(RangeError);
  // Every exercise's contract: an error says what was wrong.
  expect((thrown as Error).message.trim(), `the RangeError from ${what} has an empty message: say what was wrong`).not.toBe('');
  for (const mention of mentions) {
    expect((thrown as Error).message, `the RangeError from ${what} should name ${JSON.stringify(mention)}`).toContain(mention);
  }
}
