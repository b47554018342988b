import { describe, expect, test } from 'vitest';
import { DeadlineExceededError, runWithDeadline } from '../index';

describe('runWithDeadline', () => {
  test('interrupts a synchronous infinite loop and says so', () => {
    let spins = 0;
    // Without the watchdog this loop never ends and the test hangs: the throw is the evidence.
    expect(() =>
      runWithDeadline(200, () => {
        for (;;) spins++;
      }),
    ).toThrow(DeadlineExceededError);
    expect(spins).toBeGreaterThan(0);
  });

  test('a loop that catches every error still cannot escape the deadline', () => {
    expect(() =>
      runWithDeadline(100, () => {
        for (;;) {
          try {
            for (;;);
          } catch {
            // a learner's catch-all
          }
        }
      }),
    ).toThrow(/deadline: the code under test ran for more than 100 ms/);
  });

  test('returns what the function returns', () => {
    expect(runWithDeadline(1000, () => ({ answer: 42 }))).toEqual({ answer: 42 });
  });

  test('passes through whatever the function throws, Error or not', () => {
    const error = new TypeError('boom');
    expect(() => runWithDeadline(1000, () => { throw error; })).toThrow(error);
    let caught: unknown;
    try {
      runWithDeadline(1000, () => {
        throw 'a string';
      });
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).toBe('a string');
  });

  test('nested deadlines: the inner one fires first and the outer one still works', () => {
    const outcome = runWithDeadline(5000, () => {
      try {
        runWithDeadline(50, () => {
          for (;;);
        });
        return 'inner loop returned';
      } catch (error) {
        return error instanceof DeadlineExceededError ? 'inner deadline' : 'other error';
      }
    });
    expect(outcome).toBe('inner deadline');
  });

  test('rejects a deadline that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => runWithDeadline(bad, () => 1)).toThrow(RangeError);
  });
});
