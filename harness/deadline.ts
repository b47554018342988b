/**
 * Deadlines that interrupt synchronous code, counted in the CPU time the code
 * itself used, so that a verdict does not depend on what else the machine runs.
 *
 * A test runner's timeout only fires between turns of the event loop, so a
 * learner's `for (;;) {}` would hang it forever. Node's `vm` module can stop
 * whatever JavaScript is executing, including functions defined outside the
 * vm context: on a timeout of its own (wall time), or on SIGINT when the
 * script runs with `breakOnSigint`. We enter a one-line script in a private
 * context that calls back into the real function; when it is stopped, V8
 * unwinds every frame (no `try`/`catch` in learner code can stop it) and we
 * turn Node's error into a `DeadlineExceededError`.
 *
 * The budget is CPU time. A watcher thread reads the process's CPU time
 * (`process.cpuUsage()`, user plus system) every few milliseconds while a body
 * runs, and raises SIGINT once the body has used more than its budget. A body
 * that returns having used more is over budget too (the watcher polls, so it
 * may just miss one). On a machine shared with other work, a body gets less of
 * the CPU and takes longer, but uses the same CPU time: its verdict is the
 * same. Wall time still bounds what CPU time cannot see, code that waits (a
 * blocking call, an `Atomics.wait`): a body is stopped after `WALL_FACTOR`
 * times its budget in wall time.
 *
 * Where signals cannot reach the body (Windows, or a worker thread, as under
 * Stryker's thread pool), or when FAULTLINE_DEADLINE_CLOCK=wall, the budget is
 * wall time, as it was before.
 *
 * Contract: `fn` must be synchronous. Its return value and anything it throws
 * pass through unchanged. Deadlines nest.
 */
import vm from 'node:vm';
import { Worker, isMainThread } from 'node:worker_threads';
import { DeadlineExceededError, type DeadlineClock } from './errors';

/** A body may take this many times its CPU budget in wall time before it is stopped all the same. */
export const WALL_FACTOR = 10;
/** How often the watcher thread reads the CPU time, in milliseconds. */
const POLL_MS = 5;

const context = vm.createContext(Object.create(null) as object);
const trampoline = new vm.Script('__faultlineCall()', { filename: 'faultline-deadline.vm' });
const setCall = vm.runInContext(
  '(function (fn) { globalThis.__faultlineCall = fn; })',
  context,
) as (fn: (() => unknown) | undefined) => void;

const errorCode = (error: unknown): unknown => (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined);

/** The process's CPU time so far, user plus system, in milliseconds. */
const cpuUsage = process.cpuUsage.bind(process);
export function cpuNowMs(): number {
  const used = cpuUsage();
  return (used.user + used.system) / 1000;
}

/** The watcher thread: a CommonJS script, so it needs no file of its own. */
const WATCHER = `
const { workerData } = require('node:worker_threads');
const ctl = new Int32Array(workerData, 0, 4);
const num = new Float64Array(workerData, 16, 2);
setInterval(() => {
  const gen = Atomics.load(ctl, 0);
  if (gen === 0 || Atomics.load(ctl, 1) === gen) return;
  const used = process.cpuUsage();
  if ((used.user + used.system) / 1000 - num[1] <= num[0]) return;
  if (Atomics.compareExchange(ctl, 0, gen, gen) !== gen) return;
  Atomics.store(ctl, 1, gen);
  Atomics.add(ctl, 2, 1);
  process.kill(process.pid, 'SIGINT');
}, ${POLL_MS});
`;

/**
 * The shared state with the watcher: ctl[0] the generation of the body being
 * watched (0: none), ctl[1] the last generation it stopped, ctl[2] how many
 * SIGINTs it raised; num[0] the budget and num[1] the CPU time at the start,
 * in milliseconds.
 */
interface CpuWatch {
  readonly ctl: Int32Array;
  readonly num: Float64Array;
  generation: number;
  /** SIGINTs of ours that a body's interruption consumed. */
  consumed: number;
}

let watch: CpuWatch | undefined | null = null;

function clockWanted(): DeadlineClock {
  const wanted = process.env.FAULTLINE_DEADLINE_CLOCK;
  if (wanted === undefined || wanted === '' || wanted === 'cpu') return 'cpu';
  if (wanted === 'wall') return 'wall';
  throw new RangeError(`faultline: FAULTLINE_DEADLINE_CLOCK must be "cpu" or "wall", got ${JSON.stringify(wanted)}`);
}

/** The CPU watch of this process, started on first use; undefined where deadlines count wall time. */
function cpuWatch(): CpuWatch | undefined {
  if (watch !== null) return watch;
  if (clockWanted() === 'wall' || !isMainThread || process.platform === 'win32') return (watch = undefined);
  const shared = new SharedArrayBuffer(32);
  const started: CpuWatch = { ctl: new Int32Array(shared, 0, 4), num: new Float64Array(shared, 16, 2), generation: 0, consumed: 0 };
  const thread = new Worker(WATCHER, { eval: true, workerData: shared });
  thread.unref();
  // A SIGINT of ours that arrives just after its body returned finds no script to stop: swallow it. Anyone else's
  // (Ctrl+C) ends the process as it would have without us.
  process.on('SIGINT', () => {
    if (Atomics.load(started.ctl, 2) > started.consumed) {
      started.consumed++;
      return;
    }
    process.exit(130);
  });
  return (watch = started);
}

/** The clock deadlines count in this process: 'cpu', or 'wall' where signals cannot stop a body. */
export function deadlineClock(): DeadlineClock {
  return cpuWatch() === undefined ? 'wall' : 'cpu';
}

/** The longest a body with this budget may take in wall time. */
export function wallLimitMs(deadlineMs: number): number {
  return deadlineClock() === 'cpu' ? deadlineMs * WALL_FACTOR : deadlineMs;
}

/**
 * Runs `fn` and returns its result, or throws `DeadlineExceededError` once it
 * has used `deadlineMs` milliseconds of CPU time (or, where deadlines count
 * wall time, run for that long), or has run for `WALL_FACTOR` times that in
 * wall time.
 */
export function runWithDeadline<T>(deadlineMs: number, fn: () => T): T {
  if (!Number.isInteger(deadlineMs) || deadlineMs <= 0) {
    throw new RangeError(`deadline: deadlineMs must be a positive integer, got ${String(deadlineMs)}`);
  }
  const cpu = cpuWatch();
  const wallMs = cpu === undefined ? deadlineMs : deadlineMs * WALL_FACTOR;
  let result: T | undefined;
  let threw = false;
  let thrown: unknown;
  // The trampoline itself never throws learner errors: we catch them inside,
  // so the only errors that can leave runInContext are the stops.
  setCall(() => {
    try {
      result = fn();
    } catch (error) {
      threw = true;
      thrown = error;
    }
  });
  const outer = cpu === undefined ? undefined : { generation: Atomics.load(cpu.ctl, 0), budget: cpu.num[0]!, start: cpu.num[1]! };
  const generation = cpu === undefined ? 0 : ++cpu.generation;
  const startCpu = cpuNowMs();
  const startWall = performance.now();
  if (cpu !== undefined) {
    Atomics.store(cpu.ctl, 0, 0);
    cpu.num[0] = deadlineMs;
    cpu.num[1] = startCpu;
    Atomics.store(cpu.ctl, 0, generation);
  }
  const spent = () => ({ cpuMs: Math.round(cpuNowMs() - startCpu), wallMs: Math.round(performance.now() - startWall) });
  try {
    trampoline.runInContext(context, { timeout: wallMs, breakOnSigint: cpu !== undefined });
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new DeadlineExceededError(deadlineMs, cpu === undefined ? 'wall' : 'cpu', 'wall', wallMs, spent());
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED' && cpu !== undefined) {
      if (Atomics.load(cpu.ctl, 1) === generation) {
        cpu.consumed++;
        throw new DeadlineExceededError(deadlineMs, 'cpu', 'cpu', wallMs, spent());
      }
      throw new Error('faultline: the test was interrupted (SIGINT)', { cause: error });
    }
    throw error;
  } finally {
    setCall(undefined);
    if (cpu !== undefined && outer !== undefined) {
      Atomics.store(cpu.ctl, 0, 0);
      cpu.num[0] = outer.budget;
      cpu.num[1] = outer.start;
      Atomics.store(cpu.ctl, 0, outer.generation);
    }
  }
  // The watcher polls: a body that returned just past its budget is over it all the same.
  if (cpu !== undefined && !threw) {
    const used = spent();
    if (used.cpuMs > deadlineMs) throw new DeadlineExceededError(deadlineMs, 'cpu', 'cpu', wallMs, used);
  }
  if (threw) throw thrown;
  return result as T;
}
