/**
 * Property checks with the test's seed. A failure is reported with the shrunk
 * counterexample, the fast-check seed and path, and the error it produced; the
 * replay command (added by `graded.ts`) reruns exactly that counterexample.
 */
import fc from 'fast-check';
import { runSettings } from './env';
import { commandsReplayPaths, testKey, type Replay } from './replay';
import { describeThrown, isPlainError } from './describe-value';
import { failedRun } from '../sim';

/** The longest path (fast-check's and the commands' together) a replay command carries. */
const MAX_REPLAY_PATH = 400;
const MAX_COUNTEREXAMPLE = 600;

export interface CheckOptions {
  /** How many generated cases to try (fast-check's `numRuns`); default 100. */
  readonly numRuns?: number;
}

export class PropertyChecker {
  /** The last failure's fast-check path and commands replay paths, for the replay command. */
  failedReplay: Omit<Replay, 'key'> | undefined;

  constructor(
    private readonly exercise: string,
    private readonly name: string,
    private readonly seed: number,
  ) {}

  check<Ts>(property: fc.IProperty<Ts>, options: CheckOptions = {}): void {
    const replay = runSettings.replay;
    const path = replay && replay.key === testKey(this.exercise, this.name) ? replay.path : undefined;
    // (The commands replay paths went to the test's arbitraries as they were built: commands() in arbitraries.ts.)
    const details = fc.check(property, {
      seed: this.seed | 0,
      numRuns: options.numRuns ?? 100,
      ...(runSettings.noShrink ? { endOnFailure: true } : {}),
      ...(path === undefined ? {} : { path }),
    });
    if (!details.failed) return;
    const failedPath = details.counterexamplePath ?? '';
    const shown = fc.stringify(details.counterexample);
    // A sequence of commands replays only with its own replay path beside fast-check's (fast-check's `commands` docs).
    const commands = commandsReplayPaths(shown);
    // A path that shrank through long inputs can run to kilobytes: past this, replay by seed alone (it shrinks again).
    const replayable = failedPath.length + commands.join('@').length <= MAX_REPLAY_PATH;
    this.failedReplay = replayable ? { path: failedPath, commands } : undefined;
    const cause: unknown = details.errorInstance;
    if (isPlainError(cause) && cause.name === 'NotImplementedError') throw cause;
    const what = isPlainError(cause) ? cause.message : `threw ${describeThrown(cause)}`;
    const shrinks = details.numShrinks === 1 ? '1 time' : `${details.numShrinks} times`;
    const counterexample = shown.length > MAX_COUNTEREXAMPLE ? `${shown.slice(0, MAX_COUNTEREXAMPLE)}… (${shown.length} characters)` : shown;
    const where = replayable ? `path "${failedPath}"` : `a path of ${failedPath.length} characters`;
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
