/**
 * Grades many known-wrong variants of one exercise in one vitest run, each on
 * the tests it must fail: the repo's self-tests and `npm run check` use it to
 * prove that every variant loses its points, in seconds instead of a vitest
 * start per variant (vitest.batch.config.ts says how modules are shared).
 *
 * What a batch gives up against a grade (grading/runner.ts), and why that is
 * sound for our own variants and never used for a learner's code:
 * - no sandbox, no proof of passes, no resume after a crash: the variants are
 *   ours. A variant whose results do not all arrive (its worker died, the run
 *   was stopped) is reported `missing`, and the caller grades it alone, the
 *   ordinary way;
 * - a failed property stops at its first counterexample, unshrunk
 *   (FAULTLINE_NO_SHRINK): the verdict is the same, shrunk or not;
 * - variants share a worker, so a variant could leave a change to a built-in
 *   behind. The suite kit poisons the worker when one cannot be undone; a
 *   result that says so is reported `missing` too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exerciseSpec } from '../catalog';
import { writeStaged } from '../impl';
import { ROOT, STREAM_REPORTER, VITEST_BIN, suiteDir } from '../paths';
import { childEnv, filesDeclaring, readLines, runChild } from '../runner';
import type { Outcome } from '../score';
import { materialize, type Variant } from './index';
import type { BatchPlan } from './vitest.batch.config';

const CONFIG = path.join(ROOT, 'grading', 'variants', 'vitest.batch.config.ts');
/** Written by the suite kit when an earlier test left a built-in changed (harness/suite/graded.ts). */
const POISONED = /^an earlier test left .* changed in a way that cannot be undone/;

export interface BatchOptions {
  readonly seed?: number;
  /** Test workers of the one vitest run; default 2. */
  readonly workers?: number;
  /** Wall-clock limit of the whole run, in milliseconds; default 20 minutes. */
  readonly limitMs?: number;
}

export type BatchVerdict =
  /** Every test the variant names reported an outcome. */
  | { readonly kind: 'graded'; readonly outcomes: ReadonlyMap<string, Outcome> }
  /** Some did not (a crash, a stopped run, a poisoned worker): grade it alone. */
  | { readonly kind: 'missing'; readonly why: string; readonly outcomes: ReadonlyMap<string, Outcome> }
  /** Its patch does not apply. */
  | { readonly kind: 'unusable'; readonly why: string };

/** One implementation of a batch: its learner files (the reference for the others), and the tests it runs. */
export interface BatchItem {
  readonly id: string;
  /** The learner files, whole; throws when they cannot be made (a patch that no longer applies). */
  readonly files: () => ReadonlyMap<string, string>;
  /** The tests to run; every test of the suite when absent. */
  readonly only?: readonly string[];
}

/** A variant as a batch item, on the tests it must fail. */
export const variantItem = (variant: Variant): BatchItem => ({ id: variant.id, files: () => materialize(variant), only: variant.mustFail });

/** Grades each item (all of one exercise) on its tests; the verdicts come back by item id. */
export async function gradeBatch(slug: string, items: readonly BatchItem[], options: BatchOptions = {}): Promise<Map<string, BatchVerdict>> {
  const spec = exerciseSpec(slug);
  const verdicts = new Map<string, BatchVerdict>();
  fs.mkdirSync(path.join(ROOT, '.faultline'), { recursive: true });
  const work = fs.mkdtempSync(path.join(ROOT, '.faultline', `batch-${slug}-`));
  try {
    const keyOf = new Map<string, BatchItem>();
    items.forEach((item, i) => {
      let files: ReadonlyMap<string, string>;
      try {
        files = item.files();
      } catch (error) {
        verdicts.set(item.id, { kind: 'unusable', why: (error as Error).message });
        return;
      }
      const key = `v${i}`;
      keyOf.set(key, item);
      writeStaged(spec, path.join(work, 'impl', key, slug), Object.fromEntries(files));
      const wrappers = path.join(work, 'wrap', key);
      fs.mkdirSync(wrappers, { recursive: true });
      for (const file of suiteFiles(slug, item.only)) {
        fs.writeFileSync(
          path.join(wrappers, path.basename(file)),
          `import { batchOnly } from ${JSON.stringify(path.join(ROOT, 'harness/suite/batch.ts'))};\n` +
            `batchOnly(${JSON.stringify(item.only ?? null)});\n` +
            `await import(${JSON.stringify(`${path.join(ROOT, file)}?faultline-variant=${key}`)});\n`,
        );
      }
    });
    if (keyOf.size === 0) return verdicts;

    const plan: BatchPlan = { slug, entry: spec.entry, work, workers: options.workers ?? 2 };
    const planFile = path.join(work, 'plan.json');
    fs.writeFileSync(planFile, JSON.stringify(plan));
    const results = path.join(work, 'results.jsonl');
    const limitMs = options.limitMs ?? 20 * 60_000;
    const exit = await runChild(
      [VITEST_BIN, 'run', '--config', CONFIG, '--reporter', STREAM_REPORTER],
      childEnv({ FAULTLINE_BATCH: planFile, FAULTLINE_SEED: String(options.seed ?? 1), FAULTLINE_RESULTS: results, FAULTLINE_NO_SHRINK: '1' }),
      limitMs,
    );

    const got = new Map<string, Map<string, Outcome>>();
    /** Every test each item's files declared, for an item that runs them all. */
    const declared = new Map<string, Set<string>>();
    let poisoned: string | undefined;
    const keyIn = (file: unknown): string | undefined => (typeof file === 'string' ? /(?:^|\/)wrap\/(v\d+)\//.exec(file)?.[1] : undefined);
    for (const event of readLines(results)) {
      if (event.type === 'test') {
        const key = keyIn(event.file);
        const name = (event.meta as { name?: unknown } | undefined)?.name;
        if (key !== undefined && typeof name === 'string') declared.set(key, (declared.get(key) ?? new Set()).add(name));
        continue;
      }
      if (event.type !== 'result' || typeof event.name !== 'string') continue;
      const key = keyIn(event.file);
      if (key === undefined || !keyOf.has(key)) continue;
      const state = event.state;
      if (state !== 'passed' && state !== 'failed' && state !== 'timeout') continue;
      const message = typeof event.message === 'string' ? event.message : '';
      if (POISONED.test(message)) {
        poisoned = message.split('\n')[0];
        continue;
      }
      const outcomes = got.get(key) ?? new Map<string, Outcome>();
      outcomes.set(event.name, { status: state, message, ...(typeof event.durationMs === 'number' ? { durationMs: event.durationMs } : {}) });
      got.set(key, outcomes);
    }
    const stopped = exit.killed ? `the batch was stopped after ${Math.round(limitMs / 1000)} s` : exit.code !== 0 && exit.code !== 1 ? `vitest exited with ${exit.code ?? exit.signal}` : undefined;
    for (const [key, item] of keyOf) {
      const outcomes = got.get(key) ?? new Map<string, Outcome>();
      const wanted = item.only ?? [...(declared.get(key) ?? [])];
      const absent = wanted.filter((name) => !outcomes.has(name));
      if (wanted.length > 0 && absent.length === 0) verdicts.set(item.id, { kind: 'graded', outcomes });
      else {
        const why = stopped ?? poisoned ?? (wanted.length === 0 ? 'no test was declared (its suite files did not load)' : `no result for ${absent.length} of its tests (a worker died, or a name is not in the suite)`);
        verdicts.set(item.id, { kind: 'missing', why, outcomes });
      }
    }
    return verdicts;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The suite files declaring `names` (all of them when a name is not found literally, or no names are given). */
function suiteFiles(slug: string, names: readonly string[] | undefined): string[] {
  const files = names === undefined ? [suiteDir(slug)] : filesDeclaring(slug, new Set(names));
  if (files.length === 1 && !files[0]!.endsWith('.test.ts')) {
    const dir = path.join(ROOT, files[0]!);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join(files[0]!, f));
  }
  return files;
}
