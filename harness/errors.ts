/**
 * Errors the harness and the stubs share. Each carries a stable `name`, so a
 * report can tell "not implemented yet" and "ran out of time" apart from an
 * ordinary failed assertion without parsing messages.
 */

/** Thrown by every stub body until the learner replaces it. */
export class NotImplementedError extends Error {
  override readonly name = 'NotImplementedError';

  /** @param what the function or method, e.g. `BloomFilter.add` */
  constructor(what: string) {
    super(`not implemented: ${what}`);
  }
}

/** Learner code ran past its deadline without returning (an infinite loop, or far too slow). */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';

  constructor(readonly deadlineMs: number) {
    super(
      `deadline: the code under test ran for more than ${deadlineMs} ms without returning. ` +
        'Look for a loop that never ends, or work that grows far faster than the input.',
    );
  }
}
