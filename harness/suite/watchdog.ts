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
 * | phase      | blamed                        | allowed without a beat         |
 * |------------|-------------------------------|--------------------------------|
 * | `loading`  | every test of the file        | `STALL_MS`                     |
 * | `body`     | the running test              | its deadline + `BODY_GRACE_MS` |
 * | `settling` | the test whose body returned  | `STALL_MS`                     |
 * | `idle`     | the test that ran last        | `STALL_MS`                     |
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

/** How long learner code may keep the worker busy outside a graded body, in milliseconds. */
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
  readonly allowanceMs: number;
  readonly message: string;
}

const NOOP: Watchdog = { loading: () => undefined, body: () => undefined, settling: () => undefined, idle: () => undefined };

/** The watchdog thread: a CommonJS script, so it needs no file of its own. */
const THREAD = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const beat = new Int32Array(workerData.beat);
let phase = { names: [], allowanceMs: Infinity, message: '' };
let lastBeat = Atomics.load(beat, 0);
let lastChange = Date.now();
parentPort.on('message', (next) => {
  phase = next;
  lastChange = Date.now();
});
setInterval(() => {
  const now = Date.now();
  const current = Atomics.load(beat, 0);
  if (current !== lastBeat) {
    lastBeat = current;
    lastChange = now;
    return;
  }
  if (now - lastChange <= phase.allowanceMs) return;
  for (const name of phase.names) {
    fs.appendFileSync(workerData.progressFile, JSON.stringify({ event: 'stalled', name, message: phase.message }) + '\\n');
  }
  fs.writeSync(2, 'faultline: ' + phase.message + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, ${BEAT_MS});
`;

const seconds = (ms: number): string => `${ms / 1000} s`;

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
        allowanceMs: STALL_MS,
        message:
          `your code did not finish loading: its top-level code kept the test worker busy for ${seconds(STALL_MS)} without a break ` +
          '(an infinite loop outside any function?), so the worker was stopped and no test of this file could run',
      });
    },
    body(name, deadlineMs) {
      post({
        names: [name],
        allowanceMs: deadlineMs + BODY_GRACE_MS,
        message:
          `the code under test ran past this test's deadline of ${deadlineMs} ms where the deadline could not interrupt it ` +
          '(blocked in a native call, such as a synchronous child process?), so the test worker was stopped',
      });
    },
    settling(name) {
      post({
        names: [name],
        allowanceMs: STALL_MS,
        message:
          `after this test's body returned, work the code under test had scheduled kept the test worker busy for ${seconds(STALL_MS)} ` +
          '(an endless chain of microtasks or promise callbacks, or a timer callback that never returns), so the worker was stopped',
      });
    },
    idle(last) {
      post({
        names: last === undefined ? [] : [last],
        allowanceMs: STALL_MS,
        message:
          `after this test finished, work the code under test had scheduled kept the test worker busy for ${seconds(STALL_MS)} ` +
          '(a timer or callback that never returns), so the worker was stopped',
      });
    },
  };
}
