/**
 * Runs one exercise's hidden suite in a child process and collects an outcome
 * for every graded test, whatever the code under test does.
 *
 * - The child is vitest, in its own process group, with the stream reporter;
 *   its workers have a capped heap (vitest.config.ts). A wall-clock limit kills
 *   the whole group.
 * - Results stream to a file as each test finishes, and each graded test marks
 *   its start and end in a progress file, so after a crash we know which test
 *   was running: that test alone gets `error` (or `timeout` if we killed it).
 *   The harness watchdog marks a test `stalled` when it kills a worker that
 *   learner code kept busy: that test gets `timeout` with the watchdog's reason.
 * - Then the run resumes, skipping every test that already has a result, until
 *   every collected test has one, or an attempt makes no progress.
 *
 * - A `passed` counts only with the suite kit's proof of it, a signature under
 *   a key made for this attempt (harness/suite/proof.ts). vitest's worker
 *   reports results over a channel learner code can reach; the proof is what
 *   it cannot forge. Its workers run under Node's permission model
 *   (vitest.config.ts), so it cannot append to the results file either.
 *
 * Learner console output is not shown; the last 64 KiB are kept to explain a crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { GradedMeta } from '../harness/suite';
import { CATEGORIES } from '../harness/suite';
import { byTaskAndPart } from '../harness/suite/types';
import { PROOF_KEY_ENV, verifyProof } from '../harness/suite/proof';
import type { ExerciseSpec } from './catalog';
import type { Outcome } from './score';
import { ROOT, STREAM_REPORTER, VITEST_BIN, suiteDir, suiteRoot } from './paths';


/** The budget and CPU time a result line reports (harness/suite/graded.ts), if it is well formed. */
function costOf(cost: unknown): { budgetMs?: number; cpuMs?: number } {
  if (typeof cost !== 'object' || cost === null) return {};
  const { budgetMs, cpuMs } = cost as { budgetMs?: unknown; cpuMs?: unknown };
  return typeof budgetMs === 'number' && typeof cpuMs === 'number' && Number.isFinite(budgetMs) && Number.isFinite(cpuMs) ? { budgetMs, cpuMs } : {};
}

export interface RunExerciseOptions {
  readonly spec: ExerciseSpec;
  /** Folder holding `<slug>/`, the code under test. */
  readonly implRoot: string;
  readonly seed: number;
  /** Wall-clock limit of one attempt, in milliseconds. */
  readonly attemptLimitMs?: number;
  /** Run only the tests of these names (a known-wrong variant graded on the tests it must fail); the others are not listed. */
  readonly only?: readonly string[];
}

export interface ExerciseRun {
  /** Every graded test the suite declared, in collection order. */
  readonly tests: readonly GradedMeta[];
  readonly outcomes: ReadonlyMap<string, Outcome>;
  readonly notes: readonly string[];
  readonly attempts: number;
}

/**
 * The wall-clock limit of one attempt at an exercise's suite, a backstop: each test is bounded by its own
 * deadline and the worker's watchdog. A test that was running when an attempt hit it is graded again in the
 * next attempt (a busy machine makes a whole suite slow), and charged a timeout only if that attempt also
 * ends while it runs.
 */
export const DEFAULT_ATTEMPT_LIMIT_MS = 300_000;
const TAIL_BYTES = 64 * 1024;
const FORGED =
  "this test was reported passed, but not by the suite kit: code under test spoke for it on vitest's channel, and only a pass the suite kit proves earns points";

export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly killed: boolean;
  readonly tail: string;
}

/** Keeps the last `limit` bytes of a stream, whatever its size. */
export class Tail {
  #chunks: Buffer[] = [];
  #size = 0;
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    while (this.#size - this.#chunks[0]!.length >= this.limit) this.#size -= this.#chunks.shift()!.length;
  }
  toString(): string {
    const all = Buffer.concat(this.#chunks);
    return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
  }
}

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key.startsWith('FAULTLINE_') || key === 'NODE_OPTIONS' || key === 'TEST') continue;
    env[key] = value;
  }
  return { ...env, ...extra, FORCE_COLOR: '0', NO_COLOR: '1' };
}

/**
 * What must happen if the grader exits mid-run (kill the children's groups,
 * remove work folders): one `exit` listener for all of them, so that many
 * grades at once in one process add no listener each.
 */
const atExit = new Set<() => void>();
process.on('exit', () => {
  for (const cleanup of atExit) cleanup();
});

export function runChild(args: readonly string[], env: NodeJS.ProcessEnv, limitMs: number): Promise<ChildExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = new Tail(TAIL_BYTES);
    child.stdout.on('data', (chunk: Buffer) => tail.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => tail.push(chunk));
    let killed = false;
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      killed = true;
      killGroup();
    }, limitMs);
    atExit.add(killGroup);
    child.on('error', (error) => {
      clearTimeout(timer);
      atExit.delete(killGroup);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      atExit.delete(killGroup);
      killGroup(); // a worker that outlived its parent goes too
      resolve({ code, signal, killed, tail: tail.toString() });
    });
  });
}

/** Reads a JSON-lines file, ignoring a torn last line. */
export function readLines(file: string): Record<string, unknown>[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null) out.push(value as Record<string, unknown>);
    } catch {
      // torn write at a kill
    }
  }
  return out;
}

function isMeta(value: unknown, slug: string): value is GradedMeta {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.exercise === slug &&
    typeof m.name === 'string' &&
    Number.isInteger(m.task) &&
    Number.isInteger(m.points) &&
    (m.points as number) > 0 &&
    CATEGORIES.includes(m.category as GradedMeta['category']) &&
    (m.clauses === undefined || (Array.isArray(m.clauses) && m.clauses.every((id) => typeof id === 'string'))) &&
    (m.part === undefined || (Number.isInteger(m.part) && (m.part as number) >= 1))
  );
}

/** Why a worker died, in one line, from what it printed last. */
function explainCrash(exit: ChildExit, limitMs: number): string {
  if (exit.killed) return `the run was stopped after ${Math.round(limitMs / 1000)} s of wall time`;
  if (/heap out of memory|Reached heap limit/i.test(exit.tail)) return 'the test worker ran out of memory (its heap is capped at 512 MB)';
  const exitCall = /process\.exit(?: unexpectedly)? called with "?(-?\d+)"?/.exec(exit.tail);
  if (exitCall) return `the code under test called process.exit(${exitCall[1]})`;
  if (/Maximum call stack size exceeded/.test(exit.tail)) return 'the test worker overflowed its stack';
  return `the test worker exited unexpectedly (vitest exit code ${exit.code ?? 'none'}${exit.signal ? `, signal ${exit.signal}` : ''})`;
}

/**
 * The suite files that declare the tests named in `only`, found by their names
 * written as literals in the source: a run of a few tests then starts a worker
 * for their files alone. When a name is not found literally, the whole suite.
 */
export function filesDeclaring(slug: string, only: ReadonlySet<string>): string[] {
  const dir = path.join(ROOT, suiteDir(slug));
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => ({ file: path.join(suiteDir(slug), f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const chosen = new Set<string>();
  for (const name of only) {
    const literal = [`'${name}'`, `"${name}"`, `\`${name}\``];
    const holders = files.filter((f) => literal.some((l) => f.text.includes(l)));
    if (holders.length === 0) return [suiteDir(slug)];
    for (const holder of holders) chosen.add(holder.file);
  }
  return [...chosen];
}

export async function runExercise(options: RunExerciseOptions): Promise<ExerciseRun> {
  const { spec, implRoot, seed } = options;
  const limitMs = options.attemptLimitMs ?? DEFAULT_ATTEMPT_LIMIT_MS;
  fs.mkdirSync(path.join(ROOT, '.faultline', 'timelines'), { recursive: true }); // the sandboxed workers may write there, not create it
  const work = fs.mkdtempSync(path.join(ROOT, '.faultline', `run-${spec.slug}-`));
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true });
  atExit.add(removeWork); // also when the grader is interrupted mid-run
  const tests = new Map<string, { meta: GradedMeta; file: string; position: number }>();
  const outcomes = new Map<string, Outcome>();
  const notes: string[] = [];
  /** Tests reported passed without the suite kit's proof. */
  const unvouched = new Set<string>();
  /** Tests that were running when an attempt reached its wall-clock limit: a second time, they are charged. */
  const cutOnce = new Set<string>();
  let attempt = 0;
  const only = options.only === undefined ? undefined : new Set(options.only);
  const onlyFile = path.join(work, 'only.json');
  if (only !== undefined) fs.writeFileSync(onlyFile, JSON.stringify([...only]));
  try {
    for (;;) {
      attempt++;
      const files = {
        results: path.join(work, `results-${attempt}.jsonl`),
        progress: path.join(work, `progress-${attempt}.jsonl`),
        skip: path.join(work, `skip-${attempt}.json`),
        // vitest's temporary folder; the sandboxed workers may read it (vitest.config.ts), so it holds nothing else
        tmp: path.join(work, `tmp-${attempt}`),
      };
      fs.writeFileSync(files.skip, JSON.stringify([...outcomes.keys()]));
      fs.mkdirSync(files.tmp);
      const before = outcomes.size;
      // A pass counts only with the suite kit's proof under this key (harness/suite/proof.ts).
      const key = randomBytes(32).toString('hex');
      const exit = await runChild(
        [VITEST_BIN, 'run', '--project', spec.slug, '--reporter', STREAM_REPORTER, ...(only === undefined ? [suiteDir(spec.slug)] : filesDeclaring(spec.slug, only))],
        childEnv({
          FAULTLINE_IMPL_ROOT: implRoot,
          FAULTLINE_PROJECT: spec.slug,
          FAULTLINE_SEED: String(seed),
          FAULTLINE_RESULTS: files.results,
          FAULTLINE_PROGRESS: files.progress,
          FAULTLINE_SKIP: files.skip,
          ...(only === undefined ? {} : { FAULTLINE_ONLY: onlyFile }),
          FAULTLINE_SUITE_DIR: suiteRoot(),
          TMPDIR: files.tmp,
          [PROOF_KEY_ENV]: key,
        }),
        limitMs,
      );

      let ended = false;
      for (const event of readLines(files.results)) {
        switch (event.type) {
          case 'test':
            if (isMeta(event.meta, spec.slug) && !tests.has(event.meta.name) && (only === undefined || only.has(event.meta.name))) {
              tests.set(event.meta.name, {
                meta: event.meta,
                file: typeof event.file === 'string' ? event.file : '',
                position: typeof event.position === 'number' ? event.position : 0,
              });
            }
            break;
          case 'result': {
            const name = event.name;
            const state = event.state;
            if (typeof name !== 'string' || outcomes.has(name)) break;
            const meta = tests.get(name)?.meta;
            if (state === 'passed' && (meta === undefined || !verifyProof(key, meta, event.proof))) {
              // vitest heard "passed" from the worker, but not from the suite kit: code under test said it.
              unvouched.add(name);
              break;
            }
            if (state === 'passed' || state === 'failed' || state === 'timeout') {
              outcomes.set(name, {
                status: state,
                message: typeof event.message === 'string' ? event.message : '',
                ...(typeof event.durationMs === 'number' ? { durationMs: event.durationMs } : {}),
                ...costOf(event.cost),
              });
            }
            break;
          }
          case 'module-error':
            notes.push(`${String(event.file)}: ${String(event.message).split('\n')[0]}`);
            break;
          case 'end':
            ended = true;
            break;
          default:
            break;
        }
      }

      // Tests running when the worker died; a `stalled` mark (the harness watchdog, harness/suite/watchdog.ts)
      // names a test whose code kept its worker busy, and says how.
      const open = new Map<string, string | undefined>();
      for (const mark of readLines(files.progress)) {
        if (typeof mark.name !== 'string') continue;
        if (mark.event === 'start') open.set(mark.name, undefined);
        else if (mark.event === 'end') open.delete(mark.name);
        else if (mark.event === 'stalled') open.set(mark.name, typeof mark.message === 'string' ? mark.message : 'the code under test kept its worker busy');
      }
      const why = explainCrash(exit, limitMs);
      let regrade = false;
      for (const [name, stalled] of open) {
        if (outcomes.has(name)) continue;
        if (stalled === undefined && exit.killed && !cutOnce.has(name)) {
          // The whole attempt ran out of wall time, not this test: on a busy machine that is no verdict. Once more.
          cutOnce.add(name);
          regrade = true;
          continue;
        }
        outcomes.set(name, stalled === undefined ? { status: exit.killed ? 'timeout' : 'error', message: `${why} while this test was running${exit.killed ? ', twice' : ''}` } : { status: 'timeout', message: stalled });
      }

      if (ended && !exit.killed) {
        for (const name of unvouched) {
          if (!outcomes.has(name)) outcomes.set(name, { status: 'failed', message: FORGED });
        }
      }
      const remaining = [...tests.keys()].filter((name) => !outcomes.has(name));
      if (remaining.length === 0) break;
      if (ended && !exit.killed && outcomes.size === before) {
        // The run finished normally yet reported nothing new: these tests cannot produce a result.
        for (const name of remaining) outcomes.set(name, { status: 'error', message: 'the test ran but reported no result' });
        break;
      }
      if (outcomes.size === before && !regrade) {
        for (const name of remaining) outcomes.set(name, { status: exit.killed ? 'timeout' : 'error', message: `${why} before this test could run` });
        notes.push(`grader: ${why}; ${remaining.length} test(s) never ran`);
        break;
      }
      notes.push(`grader: ${why}; resumed the suite without the ${outcomes.size} test(s) already graded`);
    }
  } finally {
    atExit.delete(removeWork);
    removeWork();
  }
  if (unvouched.size > 0) {
    notes.push(`grader: ${unvouched.size} test(s) were reported passed without the suite kit's proof (code under test reporting results itself); those reports were ignored`);
  }
  // Files are collected in parallel, so arrival order varies: sort into one canonical order.
  const ordered = [...tests.values()].sort((a, b) => byTaskAndPart(a.meta, b.meta) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.position - b.position);
  return { tests: ordered.map((t) => t.meta), outcomes, notes, attempts: attempt };
}
