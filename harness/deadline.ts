/**
 * Deadlines that interrupt synchronous code.
 *
 * A test runner's timeout only fires between turns of the event loop, so a
 * learner's `for (;;) {}` would hang it forever. Node's `vm` timeout runs a
 * watchdog thread that terminates whatever JavaScript is executing, including
 * functions defined outside the vm context. We enter a one-line script in a
 * private context that calls back into the real function; when the watchdog
 * fires, V8 unwinds every frame (no `try`/`catch` in learner code can stop it)
 * and we turn Node's timeout error into a `DeadlineExceededError`.
 *
 * Contract: `fn` must be synchronous. Its return value and anything it throws
 * pass through unchanged. Deadlines nest.
 */
import vm from 'node:vm';
import { DeadlineExceededError } from './errors';

const context = vm.createContext(Object.create(null) as object);
const trampoline = new vm.Script('__faultlineCall()', { filename: 'faultline-deadline.vm' });
const setCall = vm.runInContext(
  '(function (fn) { globalThis.__faultlineCall = fn; })',
  context,
) as (fn: (() => unknown) | undefined) => void;

const isTimeout = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

/**
 * Runs `fn` and returns its result, or throws `DeadlineExceededError` once it
 * has run for `deadlineMs` milliseconds of wall time.
 */
export function runWithDeadline<T>(deadlineMs: number, fn: () => T): T {
  if (!Number.isInteger(deadlineMs) || deadlineMs <= 0) {
    throw new RangeError(`deadline: deadlineMs must be a positive integer, got ${String(deadlineMs)}`);
  }
  let result: T | undefined;
  let threw = false;
  let thrown: unknown;
  // The trampoline itself never throws learner errors: we catch them inside,
  // so the only error that can leave runInContext is the watchdog's.
  setCall(() => {
    try {
      result = fn();
    } catch (error) {
      threw = true;
      thrown = error;
    }
  });
  try {
    trampoline.runInContext(context, { timeout: deadlineMs });
  } catch (error) {
    if (isTimeout(error)) throw new DeadlineExceededError(deadlineMs);
    throw error;
  } finally {
    setCall(undefined);
  }
  if (threw) throw thrown;
  return result as T;
}
