/** Reading a failed test's first error the same way in every reporter. */

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
