/**
 * `gradedSuite`: how a hidden suite declares its tests.
 *
 * A graded test is a behaviour sentence with points, a task and a category.
 * Its name shows the points (`[5] no false negatives`) so every reporter and
 * the UI show them. Its body:
 *
 * - is synchronous, and runs under a deadline that interrupts infinite loops
 *   (see `deadline.ts`); what learner code leaves running after the body
 *   returns, or while its module loads, is bounded by a watchdog
 *   (`watchdog.ts`);
 * - fails if, while it ran, learner code changed a built-in or a test library
 *   a checker relies on (`intrinsics.ts`): the change is undone first, so a
 *   patched `Object.is` can never turn a failing test into a passing one;
 * - gets its own seed, derived from the run seed and its name, so adding or
 *   skipping a test never changes what another one generates;
 * - on failure, reports the run seed and a replay command;
 * - on success, and only then, signs its meta for the grader (`proof.ts`),
 *   which credits no pass without that proof.
 *
 * Learner code is loaded with `suite.load(...)` in a `beforeAll` hook, never
 * at the top of a suite file: the suite's test list is then collected from our
 * code alone, and a learner module that fails to load (a syntax error, a
 * top-level `await` that never settles, a built-in patched as it loads) costs
 * every test its points but still lists them.
 */
import fs from 'node:fs';
import { beforeAll, describe, test, type TestContext } from 'vitest';
import type { Category, GradedMeta, SuiteExercise } from './types';
import { runSettings } from './env';
import { currentBatchOnly } from './batch';
import { replayCommand, startReplay, testKey, type Replay } from './replay';
import { describeThrown, isPlainError } from './describe-value';
import { PropertyChecker } from './property';
import { Intrinsics, builtinWatches, checkerWatches, listNames, type Tampering } from './intrinsics';
import { startWatchdog } from './watchdog';
import { takeSigner } from './proof';
import { cpuNowMs, deadlineClock, runWithDeadline, wallLimitMs } from '../deadline';
import { failedRun } from '../sim';
import { writeTimeline } from './timeline-file';
import { Rng, deriveSeed } from '../rng';
import { CLAUSE_ID } from './ledger';

/** Default budget for one graded test body: milliseconds of CPU time (deadline.ts), scaled by FAULTLINE_DEADLINE_SCALE. */
export const DEFAULT_DEADLINE_MS = 5_000;
/**
 * How much CPU time the learner's module may use while it loads, in milliseconds (scaled as deadlines are); its
 * top-level code may await, and waiting is bounded by LOAD_WALL_FACTOR times this in wall time.
 */
export const LOAD_DEADLINE_MS = 5_000 * runSettings.deadlineScale;

export interface GradedTestSpec {
  readonly points: number;
  readonly category: Category;
  /** A behaviour sentence, unique within the exercise. */
  readonly name: string;
  readonly hint?: string;
  /**
   * The contract clauses this test checks, as ids of the exercise's ledger
   * (`grading/suites/<slug>/ledger.ts`). A failure shows them, so a learner can
   * find the clause in the README; the repo's tests hold every clause to a test.
   */
  readonly clauses?: readonly string[];
  /**
   * The body's budget in milliseconds of CPU time (wall time where deadlines cannot count CPU, deadline.ts);
   * generous, it only stops runaway or far too slow code. The body may take WALL_FACTOR times it in wall time.
   */
  readonly deadlineMs?: number;
}

export interface GradedContext {
  /** This test's seed (derived from the run seed and the test name). */
  readonly seed: number;
  /** A generator seeded with `seed`. */
  readonly rng: Rng;
  /** Runs a fast-check property with this test's seed; on failure throws with the shrunk counterexample. */
  readonly check: PropertyChecker['check'];
}

const appendFile = fs.appendFileSync;
const stringify = JSON.stringify;
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;

// Captured when the kit loads, before any learner code: see intrinsics.ts.
const intrinsics = Intrinsics.capture([...builtinWatches(), ...checkerWatches()]);
// The checker is ours: freeze it rather than watch it, so a patch fails where it is made.
Object.freeze(PropertyChecker.prototype);
Object.freeze(PropertyChecker);
const watchdog = startWatchdog(runSettings.progressFile);
// Taken now, before any learner code runs: see proof.ts.
const sign = takeSigner();

/** Set once a change to a built-in could not be undone: no later test in this worker can be trusted. */
let poisoned: string | undefined;

function tamperingError(tampering: Tampering, when: string): Error {
  if (tampering.stuck.length > 0) poisoned = listNames(tampering.stuck);
  return new Error(
    `your code changed ${listNames(tampering.changed)} ${when}; a test during which a built-in, the harness or a test library ` +
      'is patched earns nothing. Leave them as they are: compute what you need in your own code.',
  );
}

/**
 * How many times LOAD_DEADLINE_MS a module may wait while it loads, in wall time. Less than a body's WALL_FACTOR:
 * every suite file waits for the module on its own, and a promise that never settles would cost each that long.
 */
const LOAD_WALL_FACTOR = 3;
/** The longest a module may take to load, in wall time. */
const loadWallLimitMs = (): number => (deadlineClock() === 'cpu' ? LOAD_DEADLINE_MS * LOAD_WALL_FACTOR : LOAD_DEADLINE_MS);
/** How often a load in progress is looked at, in milliseconds. */
const LOAD_CHECK_MS = 250;

/**
 * Resolves with the module, or rejects once its loading has used LOAD_DEADLINE_MS of CPU time (busy top-level
 * code, an async loop), or has waited LOAD_WALL_FACTOR times that (a promise that never settles). A busy machine only
 * makes it slower.
 */
function withinLoadDeadline<T>(loading: Promise<T>): Promise<T> {
  const startCpu = cpuNowMs();
  const started = Date.now();
  const wallLimit = loadWallLimitMs();
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout>;
    const look = (): void => {
      const cpu = cpuNowMs() - startCpu;
      const wall = Date.now() - started;
      if (deadlineClock() === 'cpu' && cpu > LOAD_DEADLINE_MS) {
        reject(new Error(`it did not finish loading within ${LOAD_DEADLINE_MS / 1000} s of CPU time: its top-level code keeps working (an endless async loop?)`));
      } else if (wall >= wallLimit) {
        reject(
          new Error(
            `it did not finish loading within ${wallLimit / 1000} s: its top-level code waits for something that never happens ` +
              '(an `await` on a promise that never settles?)',
          ),
        );
      } else {
        timer = realSetTimeout(look, Math.min(LOAD_CHECK_MS, wallLimit - wall));
      }
    };
    timer = realSetTimeout(look, LOAD_CHECK_MS);
    loading.then(
      (value) => {
        realClearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        realClearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** One turn of the event loop, so that microtasks and zero-delay timers the body queued run while it is still to blame. */
const nextTurn = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0));

/** vitest hooks that learner code attached to the running test (they could rewrite its result); detached. */
function detachRunnerHooks(context: TestContext): boolean {
  const task = context.task as { onFinished?: unknown[]; onFailed?: unknown[] };
  const attached = (task.onFinished?.length ?? 0) + (task.onFailed?.length ?? 0) > 0;
  task.onFinished = undefined;
  task.onFailed = undefined;
  return attached;
}

function mark(event: 'start' | 'end', name: string): void {
  if (runSettings.progressFile) appendFile(runSettings.progressFile, `${stringify({ event, name })}\n`);
}

/**
 * Terminal escape sequences and other control characters: a message may come
 * from learner code (which could use them to redraw a report) or arrive
 * coloured (a compiler's parse error). Newlines and tabs stay.
 */
const CONTROL = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const printable = (text: string): string => text.replace(CONTROL, '');

/** Turns whatever the body threw into an Error whose message ends with the seed and replay lines. */
function explain(thrown: unknown, exercise: string, name: string, seed: number, failedReplay: Omit<Replay, 'key'> | undefined): Error {
  let error = isPlainError(thrown) ? thrown : new Error(`the code under test threw ${describeThrown(thrown)}, not an Error`);
  const replay = replayCommand(exercise, name, runSettings.seed, failedReplay);
  const seeds = `seed: ${runSettings.seed} (this test's seed ${seed})`;
  // A failed simulation also gets its picture: every node's lane, every message, the moment it broke.
  const run = failedRun(thrown);
  const picture = run && writeTimeline({ exercise, name, seed: runSettings.seed, run, evidence: printable(error.message), about: [seeds, `replay: ${replay}`] });
  const message = `${printable(error.message)}\n\n${seeds}\n${picture ? `timeline: ${picture}\n` : ''}replay: ${replay}`;
  try {
    error.message = message;
  } catch {
    // a frozen error from learner code: report it as a fresh one
    error = new Error(message);
  }
  return error;
}

/**
 * Where in the learner's files an error was thrown as their module loaded: its first stack frame outside the harness,
 * the suites and node_modules. Read from the error's own data property only, never through a getter its code controls.
 */
function whereThrown(error: Error): string {
  const descriptor = Object.getOwnPropertyDescriptor(error, 'stack');
  const stack: unknown = descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
  if (typeof stack !== 'string') return '';
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)\)?$/gm)) {
    const file = match[1]!.replace(/^file:\/\//, '');
    if (/\/(node_modules|harness|grading)\//.test(file) || file.startsWith('node:')) continue;
    return `\n    at ${file}:${match[2]}:${match[3]}`;
  }
  return '';
}

export interface GradedSuite<Impl> {
  /**
   * Groups the tests of one task (declared in the catalog) under `Task N · title`. Declare them from the fewest methods
   * needed to the most: reports show a task's first failure in full. A task whose tests lie in several files gives
   * each file its `part` (1 first).
   */
  task(id: number, body: () => void, options?: { readonly part?: number }): void;
  /** Declares one graded test inside `task`. */
  test(spec: GradedTestSpec, body: (t: GradedContext) => void): void;
  /** The learner's module; throws a clear error in a test if it failed to load. */
  impl(): Impl;
}

export function gradedSuite<Impl>(exercise: SuiteExercise, load: () => Promise<Impl>): GradedSuite<Impl> {
  let currentTask: number | undefined;
  let currentPart: number | undefined;
  const names = new Set<string>();
  let loaded: { ok: true; value: Impl } | { ok: false; error: unknown } | undefined;

  /** The tests this file will run, for the watchdog to blame if the module never finishes loading. */
  const runnable: string[] = [];

  beforeAll(async () => {
    watchdog.loading(runnable);
    try {
      loaded = { ok: true, value: await withinLoadDeadline(load()) };
    } catch (error) {
      loaded = { ok: false, error };
    }
    const tampering = intrinsics.restore();
    if (tampering.changed.length > 0) loaded = { ok: false, error: tamperingError(tampering, 'as it loaded') };
    watchdog.idle();
  }, loadWallLimitMs() + 5_000);

  const loadFailure = (): Error | undefined => {
    if (loaded === undefined || loaded.ok) return undefined;
    const reason = isPlainError(loaded.error) ? `${loaded.error.message}${whereThrown(loaded.error)}` : describeThrown(loaded.error);
    return new Error(`your code failed to load, so no test of this exercise can run: ${printable(reason)}`);
  };

  return {
    task(id, body, options = {}) {
      const task = exercise.tasks.find((t) => t.id === id);
      if (!task) throw new RangeError(`suite: ${exercise.slug} has no task ${id} in the catalog`);
      if (options.part !== undefined && (!Number.isInteger(options.part) || options.part < 1)) throw new RangeError(`suite: task ${id}'s part must be a positive integer`);
      describe(`Task ${id} · ${task.title}`, () => {
        currentTask = id;
        currentPart = options.part;
        try {
          body();
        } finally {
          currentTask = undefined;
          currentPart = undefined;
        }
      });
    },

    test(spec, body) {
      if (currentTask === undefined) throw new Error(`suite: "${spec.name}" must be declared inside suite.task(...)`);
      if (names.has(spec.name)) throw new Error(`suite: two tests of ${exercise.slug} are named "${spec.name}"`);
      if (!Number.isInteger(spec.points) || spec.points <= 0) throw new RangeError(`suite: "${spec.name}" needs positive integer points`);
      for (const id of spec.clauses ?? []) {
        if (!CLAUSE_ID.test(id)) throw new RangeError(`suite: "${spec.name}" names clause "${id}"; clause ids look like BF-2.3`);
      }
      names.add(spec.name);
      const meta: GradedMeta = {
        exercise: exercise.slug,
        task: currentTask,
        category: spec.category,
        points: spec.points,
        name: spec.name,
        ...(spec.hint === undefined ? {} : { hint: spec.hint }),
        ...(spec.clauses === undefined ? {} : { clauses: [...spec.clauses] }),
        ...(currentPart === undefined ? {} : { part: currentPart }),
      };
      const title = `[${spec.points}] ${spec.name}`;
      const deadlineMs = Math.round((spec.deadlineMs ?? DEFAULT_DEADLINE_MS) * runSettings.deadlineScale);
      const only = currentBatchOnly() ?? runSettings.only;
      if (runSettings.skip.has(spec.name) || (only !== undefined && !only.has(spec.name))) {
        test.skip(title, { meta: { faultline: meta } }, () => undefined);
        return;
      }
      runnable.push(spec.name);
      test(title, { meta: { faultline: meta }, timeout: wallLimitMs(deadlineMs) + 5_000 }, async (testContext) => {
        const seed = deriveSeed(runSettings.seed, `${exercise.slug}/${spec.name}`);
        const checker = new PropertyChecker(exercise.slug, spec.name, seed);
        const context: GradedContext = { seed, rng: new Rng(seed), check: checker.check.bind(checker) };
        mark('start', spec.name);
        const replaying = runSettings.replay;
        startReplay(replaying !== undefined && replaying.key === testKey(exercise.slug, spec.name) ? replaying.commands : undefined);
        let failure: { thrown: unknown } | undefined;
        let startCpu: number | undefined;
        watchdog.body(spec.name, deadlineMs);
        try {
          if (poisoned !== undefined) throw new Error(`an earlier test left ${poisoned} changed in a way that cannot be undone, so no later test can be trusted`);
          const failedLoad = loadFailure();
          if (failedLoad) throw failedLoad;
          startCpu = cpuNowMs();
          runWithDeadline(deadlineMs, () => {
            const returned: unknown = body(context);
            if (returned !== undefined) throw new TypeError('suite: graded test bodies must be synchronous and return nothing');
          });
        } catch (thrown) {
          failure = { thrown };
        }
        // What the body cost, for the grader's report (`cpuMs`, a measurement like durationMs) against its budget.
        testContext.task.meta.faultlineCost = { budgetMs: deadlineMs, clock: deadlineClock(), cpuMs: startCpu === undefined ? 0 : Math.round(cpuNowMs() - startCpu) };
        // Before anything else runs: undo what the body changed, and let that decide the outcome.
        const during = intrinsics.restore();
        if (during.changed.length > 0) failure = { thrown: tamperingError(during, 'during this test') };
        else if (detachRunnerHooks(testContext)) failure = { thrown: new Error('your code attached a hook to the running test (onTestFinished or onTestFailed); code under test may not reach into the test runner') };
        watchdog.settling(spec.name);
        await nextTurn();
        const after = intrinsics.restore();
        if (after.changed.length > 0 && during.changed.length === 0) failure = { thrown: tamperingError(after, "after this test's body returned (in a callback it had scheduled)") };
        watchdog.idle(spec.name);
        mark('end', spec.name);
        if (failure !== undefined) throw explain(failure.thrown, exercise.slug, spec.name, seed, checker.failedReplay);
        // Only here, with every check held and nothing tampered with, does the grader get its proof of a pass.
        const proof = sign(meta);
        if (proof !== undefined) testContext.task.meta.faultlineProof = proof;
      });
    },

    impl() {
      if (loaded === undefined) throw new Error('suite: the implementation was used before it was loaded');
      const failedLoad = loadFailure();
      if (failedLoad) throw failedLoad;
      return (loaded as { value: Impl }).value;
    },
  };
}
