/**
 * A watchdog for a graded run's test worker: code that keeps the worker busy
 * where no deadline can reach it costs the tests it belongs to, in seconds,
 * not the whole run's wall-clock limit.
 *
 * A graded body runs under a deadline that interrupts it (`deadline.ts`), but
 * learner code can also keep the worker's one thread busy elsewhere: at the
 * top level of its module while it loads, in an endless chain of microtasks
 * or a timer callback it left behind after a body returned, or inside a
 * native call no interrupt reaches. Then nothing else in the worker runs, not
 * vitest's own timeouts either.
 *
 * The watchdog is a separate thread. The worker's main thread beats every
 * 100 ms while it is free, and says which phase it is in and which tests are
 * to blame if it stops beating:
 *
 * | phase      | blamed                        | allowed without a beat                                   |
 * |------------|-------------------------------|----------------------------------------------------------|
 * | `loading`  | every test of the file        | `STALL_MS` of CPU time, `WALL_FACTOR` × that of wall time |
 * | `body`     | the running test              | its wall-time limit + `BODY_GRACE_MS`                    |
 * | `settling` | the test whose body returned  | as `loading`                                             |
 * | `idle`     | the test that ran last        | as `loading`                                             |
 *
 * CPU time is the process's (`process.cpuUsage()`): on a busy machine the
 * main thread beats late but uses no more CPU, so only code that really keeps
 * it busy is blamed. A body's CPU budget is its deadline's business
 * (`deadline.ts`); the watchdog only catches what the deadline cannot stop.
 *
 * When the main thread has not beaten for longer than allowed, the watchdog
 * appends `{"event":"stalled","name","message"}` to the progress file for each
 * blamed test, prints the message to stderr, and kills the worker's process.
 * The grader gives each blamed test `timeout` with that message, and resumes
 * the rest (grading/runner.ts).
 *
 * Only in a graded run (a progress file is set) and only in a worker process
 * of its own: a learner paused in a debugger must not be killed.
 */
import { Worker, isMainThread } from 'node:worker_threads';
import { WALL_FACTOR, wallLimitMs } from '../deadline';

/** How much CPU time learner code may keep the worker busy for outside a graded body, in milliseconds (and `WALL_FACTOR` times that of wall time). */
export const STALL_MS = 5_000;
/** How far past its deadline a body may run before the watchdog assumes the deadline cannot interrupt it. */
export const BODY_GRACE_MS = 3_000;
const BEAT_MS = 100;

export interface Watchdog {
  /** Learner code is loading; `names` are the tests that cannot run if it never finishes. */
  loading(names: readonly string[]): void;
  /** A graded body with this deadline is running. */
  body(name: string, deadlineMs: number): void;
  /** `name`'s body returned; what it left behind (microtasks, timers) still counts as its own. */
  settling(name: string): void;
  /** Between tests; `last` ran most recently. */
  idle(last?: string): void;
}

interface Phase {
  readonly names: readonly string[];
  /** CPU time the process may use without a beat (Infinity: not watched). */
  readonly cpuMs: number;
  /** Wall time that may pass without a beat. */
  readonly wallMs: number;
  readonly message: string;
}

const NOOP: Watchdog = { loading: () => undefined, body: () => undefined, settling: () => undefined, idle: () => undefined };

/** The watchdog thread: a CommonJS script, so it needs no file of its own. */
const THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const beat = new Int32Array(workerData.beat);
const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
let phase = { names: [], cpuMs: Infinity, wallMs: Infinity, message: '' };
let lastBeat = Atomics.load(beat, 0);
let lastChange = Date.now();
let lastCpu = cpu();
parentPort.on('message', (next) => {
  phase = next;
  lastChange = Date.now();
  lastCpu = cpu();
});
setInterval(() => {
  const now = Date.now();
  const current = Atomics.load(beat, 0);
  if (current !== lastBeat) {
    lastBeat = current;
    lastChange = now;
    lastCpu = cpu();
    return;
  }
  if (now - lastChange <= phase.wallMs && cpu() - lastCpu <= phase.cpuMs) return;
  for (const name of phase.names) {
    fs.appendFileSync(workerData.progressFile, JSON.stringify({ event: 'stalled', name, message: phase.message }) + '\\n');
  }
  fs.writeSync(2, 'faultline: ' + phase.message + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, ${BEAT_MS});
`;

const seconds = (ms: number): string => `${ms / 1000} s`;
/** Outside a body: STALL_MS of CPU time, or WALL_FACTOR times that of wall time (code that blocks uses no CPU). */
const stall = { cpuMs: STALL_MS, wallMs: STALL_MS * WALL_FACTOR } as const;

export function startWatchdog(progressFile: string | undefined): Watchdog {
  if (!progressFile || !isMainThread) return NOOP;
  const beat = new Int32Array(new SharedArrayBuffer(4));
  const thread = new Worker(THREAD, { eval: true, workerData: { beat: beat.buffer, progressFile } });
  thread.unref();
  const add = Atomics.add;
  setInterval(() => add(beat, 0, 1), BEAT_MS).unref();
  const post = (phase: Phase): void => thread.postMessage(phase);
  return {
    loading(names) {
      post({
        names,
        ...stall,
        message:
          `your code did not finish loading: its top-level code kept the test worker busy for ${seconds(STALL_MS)} of CPU time without a break ` +
          '(an infinite loop outside any function?), so the worker was stopped and no test of this file could run',
      });
    },
    body(name, deadlineMs) {
      post({
        names: [name],
        cpuMs: Infinity,
        wallMs: wallLimitMs(deadlineMs) + BODY_GRACE_MS,
        message:
          `the code under test ran past this test's wall-time limit of ${seconds(wallLimitMs(deadlineMs))} where the deadline could not interrupt it ` +
          '(blocked in a native call, such as a synchronous child process?), so the test worker was stopped',
      });
    },
    settling(name) {
      post({
        names: [name],
        ...stall,
        message:
          `after this test's body returned, work the code under test had scheduled kept the test worker busy for ${seconds(STALL_MS)} of CPU time ` +
          '(an endless chain of microtasks or promise callbacks, or a timer callback that never returns), so the worker was stopped',
      });
    },
    idle(last) {
      post({
        names: last === undefined ? [] : [last],
        ...stall,
        message:
          `after this test finished, work the code under test had scheduled kept the test worker busy for ${seconds(STALL_MS)} of CPU time ` +
          '(a timer or callback that never returns), so the worker was stopped',
      });
    },
  };
}
