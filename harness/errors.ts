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

/** What a deadline counts: the CPU time the code under test used, or, where that cannot be watched, wall time. */
export type DeadlineClock = 'cpu' | 'wall';

/**
 * Learner code ran past its deadline without returning (an infinite loop, or
 * far too slow). The message names the budget and the clock only, so that the
 * same run gives the same message; what was measured is in `spent`.
 */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';

  /**
   * @param deadlineMs the test's budget
   * @param clock what the budget counts
   * @param exceeded which limit stopped it: the budget itself, or the wall-time limit (`wallLimitMs`) a CPU budget still has
   * @param spent what the body had used when it was stopped, in milliseconds
   */
  constructor(
    readonly deadlineMs: number,
    readonly clock: DeadlineClock = 'wall',
    readonly exceeded: DeadlineClock = clock,
    readonly wallLimitMs: number = deadlineMs,
    readonly spent?: { readonly cpuMs: number; readonly wallMs: number },
  ) {
    super(
      clock === 'wall'
        ? `deadline: the code under test ran for more than ${deadlineMs} ms without returning. ` +
            'Look for a loop that never ends, or work that grows far faster than the input.'
        : exceeded === 'cpu'
          ? `deadline: the code under test used more than ${deadlineMs} ms of CPU time, this test's budget, and was stopped. ` +
            'CPU time is what your code used, however busy the machine was: look for a loop that never ends, or work that grows far faster than the input.'
          : `deadline: the code under test ran for more than ${wallLimitMs} ms of wall time (${wallLimitMs / deadlineMs} times this test's budget of ${deadlineMs} ms of CPU time) ` +
            'without using that much CPU: it waits for something (a blocking call, Atomics.wait, a sleep), or the machine is far too busy to grade on.',
    );
  }
}
