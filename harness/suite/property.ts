/**
 * Property checks with the test's seed. A failure is reported with the shrunk
 * counterexample, the fast-check seed and path, and the error it produced; the
 * replay command (added by `graded.ts`) reruns exactly that counterexample.
 */
import fc from 'fast-check';
import { runSettings } from './env';
import { testKey } from './replay';
import { describeThrown, isPlainError } from './describe-value';
import { failedRun } from '../sim';

const MAX_REPLAY_PATH = 200;
const MAX_COUNTEREXAMPLE = 600;

export interface CheckOptions {
  /** How many generated cases to try (fast-check's `numRuns`); default 100. */
  readonly numRuns?: number;
}

export class PropertyChecker {
  /** The fast-check path of the last failure, for the replay command. */
  failedPath: string | undefined;

  constructor(
    private readonly exercise: string,
    private readonly name: string,
    private readonly seed: number,
  ) {}

  check<Ts>(property: fc.IProperty<Ts>, options: CheckOptions = {}): void {
    const replay = runSettings.replay;
    const path = replay && replay.key === testKey(this.exercise, this.name) ? replay.path : undefined;
    const details = fc.check(property, {
      seed: this.seed | 0,
      numRuns: options.numRuns ?? 100,
      ...(runSettings.noShrink ? { endOnFailure: true } : {}),
      ...(path === undefined ? {} : { path }),
    });
    if (!details.failed) return;
    const failedPath = details.counterexamplePath ?? '';
    // A path that shrank through long inputs can run to kilobytes: past this, replay by seed alone (it shrinks again).
    this.failedPath = failedPath.length <= MAX_REPLAY_PATH ? failedPath : undefined;
    const cause: unknown = details.errorInstance;
    if (isPlainError(cause) && cause.name === 'NotImplementedError') throw cause;
    const what = isPlainError(cause) ? cause.message : `threw ${describeThrown(cause)}`;
    const shrinks = details.numShrinks === 1 ? '1 time' : `${details.numShrinks} times`;
    const shown = fc.stringify(details.counterexample);
    const counterexample = shown.length > MAX_COUNTEREXAMPLE ? `${shown.slice(0, MAX_COUNTEREXAMPLE)}… (${shown.length} characters)` : shown;
    const where = this.failedPath === undefined ? `a path of ${failedPath.length} characters` : `path "${failedPath}"`;
    const error = new Error(
      `${what}\n\ncounterexample (after ${details.numRuns} case(s), shrunk ${shrinks}): ${counterexample}\n` +
        `fast-check seed ${details.seed}, ${where}`,
    );
    if (isPlainError(cause)) error.name = cause.name;
    // The shrunk run's trace travels on, for the timeline picture (graded.ts).
    const run = failedRun(cause);
    if (run !== undefined) Object.defineProperty(error, 'run', { value: run, enumerable: false });
    throw error;
  }
}
