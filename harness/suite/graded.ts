/**
 * `gradedSuite`: how a hidden suite declares its tests.
 *
 * A graded test is a behaviour sentence with points, a task and a category.
 * Its name shows the points (`[5] no false negatives`) so every reporter and
 * the UI show them. Its body:
 *
 * - is synchronous, and runs under a deadline that interrupts infinite loops
 *   (see `deadline.ts`);
 * - gets its own seed, derived from the run seed and its name, so adding or
 *   skipping a test never changes what another one generates;
 * - on failure, reports the run seed and a replay command.
 *
 * Learner code is loaded with `suite.load(...)` in a `beforeAll` hook, never
 * at the top of a suite file: the suite's test list is then collected from our
 * code alone, and a learner module that fails to load costs every test its
 * points but still lists them.
 */
import fs from 'node:fs';
import { beforeAll, describe, test } from 'vitest';
import type { Category, GradedMeta, SuiteExercise } from './types';
import { runSettings } from './env';
import { replayCommand } from './replay';
import { describeThrown, isPlainError } from './describe-value';
import { PropertyChecker } from './property';
import { runWithDeadline } from '../deadline';
import { Rng, deriveSeed } from '../rng';

/** Default wall-clock budget for one graded test body, in milliseconds. */
export const DEFAULT_DEADLINE_MS = 5_000;

export interface GradedTestSpec {
  readonly points: number;
  readonly category: Category;
  /** A behaviour sentence, unique within the exercise. */
  readonly name: string;
  readonly hint?: string;
  /** Wall-clock budget for the body; generous, it only stops runaway code. */
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

function mark(event: 'start' | 'end', name: string): void {
  if (runSettings.progressFile) appendFile(runSettings.progressFile, `${stringify({ event, name })}\n`);
}

/** Turns whatever the body threw into an Error whose message ends with the seed and replay lines. */
function explain(thrown: unknown, exercise: string, name: string, seed: number, path: string | undefined): Error {
  const error = isPlainError(thrown) ? thrown : new Error(`the code under test threw ${describeThrown(thrown)}, not an Error`);
  const replay = replayCommand(exercise, name, runSettings.seed, path);
  error.message = `${error.message}\n\nseed: ${runSettings.seed} (this test's seed ${seed})\nreplay: ${replay}`;
  return error;
}

export interface GradedSuite<Impl> {
  /** Groups the tests of one task (declared in the catalog) under `Task N · title`. */
  task(id: number, body: () => void): void;
  /** Declares one graded test inside `task`. */
  test(spec: GradedTestSpec, body: (t: GradedContext) => void): void;
  /** The learner's module; throws a clear error in a test if it failed to load. */
  impl(): Impl;
}

export function gradedSuite<Impl>(exercise: SuiteExercise, load: () => Promise<Impl>): GradedSuite<Impl> {
  let currentTask: number | undefined;
  const names = new Set<string>();
  let loaded: { ok: true; value: Impl } | { ok: false; error: unknown } | undefined;

  beforeAll(async () => {
    try {
      loaded = { ok: true, value: await load() };
    } catch (error) {
      loaded = { ok: false, error };
    }
  });

  return {
    task(id, body) {
      const task = exercise.tasks.find((t) => t.id === id);
      if (!task) throw new RangeError(`suite: ${exercise.slug} has no task ${id} in the catalog`);
      describe(`Task ${id} · ${task.title}`, () => {
        currentTask = id;
        try {
          body();
        } finally {
          currentTask = undefined;
        }
      });
    },

    test(spec, body) {
      if (currentTask === undefined) throw new Error(`suite: "${spec.name}" must be declared inside suite.task(...)`);
      if (names.has(spec.name)) throw new Error(`suite: two tests of ${exercise.slug} are named "${spec.name}"`);
      if (!Number.isInteger(spec.points) || spec.points <= 0) throw new RangeError(`suite: "${spec.name}" needs positive integer points`);
      names.add(spec.name);
      const meta: GradedMeta = {
        exercise: exercise.slug,
        task: currentTask,
        category: spec.category,
        points: spec.points,
        name: spec.name,
        ...(spec.hint === undefined ? {} : { hint: spec.hint }),
      };
      const title = `[${spec.points}] ${spec.name}`;
      const deadlineMs = spec.deadlineMs ?? DEFAULT_DEADLINE_MS;
      if (runSettings.skip.has(spec.name)) {
        test.skip(title, { meta: { faultline: meta } }, () => undefined);
        return;
      }
      test(title, { meta: { faultline: meta }, timeout: deadlineMs + 5_000 }, () => {
        const seed = deriveSeed(runSettings.seed, `${exercise.slug}/${spec.name}`);
        const checker = new PropertyChecker(exercise.slug, spec.name, seed);
        const context: GradedContext = { seed, rng: new Rng(seed), check: checker.check.bind(checker) };
        mark('start', spec.name);
        try {
          runWithDeadline(deadlineMs, () => {
            const returned: unknown = body(context);
            if (returned !== undefined) throw new TypeError('suite: graded test bodies must be synchronous and return nothing');
          });
        } catch (thrown) {
          throw explain(thrown, exercise.slug, spec.name, seed, checker.failedPath);
        } finally {
          mark('end', spec.name);
        }
      });
    },

    impl() {
      if (loaded === undefined) throw new Error('suite: the implementation was used before it was loaded');
      if (!loaded.ok) {
        const reason = isPlainError(loaded.error) ? loaded.error.message : describeThrown(loaded.error);
        throw new Error(`your code failed to load, so no test of this exercise can run: ${reason}`);
      }
      return loaded.value;
    },
  };
}
