/** Reading a test's outcome, and a failed test's first error, the same way in every reporter. */
import type { TestCase } from 'vitest/node';
import type { Outcome } from '../score';

/** Error names whose message speaks for itself; any other name is shown before the message. */
const SELF_EXPLAINING = new Set(['Error', 'AssertionError', 'NotImplementedError', 'DeadlineExceededError', '']);

export function firstMessage(errors: readonly { message?: unknown; name?: unknown }[] | undefined): string {
  const error = errors?.[0];
  if (!error) return '';
  const message = typeof error.message === 'string' ? error.message : '';
  const name = typeof error.name === 'string' ? error.name : '';
  return SELF_EXPLAINING.has(name) ? message : `${name}: ${message}`;
}

/** Our deadline fired, or vitest's own test timeout did (an asynchronous hang: a promise that never settles). */
export const isTimeout = (errors: readonly { name?: unknown; message?: unknown }[] | undefined): boolean => {
  const error = errors?.[0];
  if (!error) return false;
  return error.name === 'DeadlineExceededError' || (typeof error.message === 'string' && error.message.startsWith('Test timed out in '));
};

/** The outcome of a test that ran (passed, failed or timed out); undefined for one that was skipped or has not finished. */
export function outcomeOf(test: TestCase): Outcome | undefined {
  const result = test.result();
  if (result.state !== 'passed' && result.state !== 'failed') return undefined;
  const errors = result.state === 'failed' ? result.errors : undefined;
  const durationMs = test.diagnostic()?.duration;
  return {
    status: result.state === 'passed' ? 'passed' : isTimeout(errors) ? 'timeout' : 'failed',
    message: firstMessage(errors),
    ...(durationMs === undefined ? {} : { durationMs }),
  };
}
