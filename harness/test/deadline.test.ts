import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DeadlineExceededError, runWithDeadline } from '../index';
import { WALL_FACTOR, cpuNowMs, deadlineClock, wallLimitMs } from '../deadline';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('runWithDeadline', () => {
  test('interrupts a synchronous infinite loop and says so', () => {
    let spins = 0;
    // Without the watchdog this loop never ends and the test hangs: the throw is the evidence.
    expect(() =>
      runWithDeadline(200, () => {
        for (;;) spins++;
      }),
    ).toThrow(DeadlineExceededError);
    expect(spins).toBeGreaterThan(0);
  });

  test('a loop that catches every error still cannot escape the deadline', () => {
    expect(() =>
      runWithDeadline(100, () => {
        for (;;) {
          try {
            for (;;);
          } catch {
            // a learner's catch-all
          }
        }
      }),
      // Whichever limit fires first: on a machine busy enough to give this worker under a tenth of a core, the wall
      // limit (WALL_FACTOR times the budget) comes before 100 ms of CPU. Either way the loop did not escape.
    ).toThrow(/deadline: the code under test (used more than 100 ms of CPU time|ran for more than 1000 ms of wall time)/);
  });

  test('returns what the function returns', () => {
    expect(runWithDeadline(1000, () => ({ answer: 42 }))).toEqual({ answer: 42 });
  });

  test('passes through whatever the function throws, Error or not', () => {
    const error = new TypeError('boom');
    expect(() => runWithDeadline(1000, () => { throw error; })).toThrow(error);
    let caught: unknown;
    try {
      runWithDeadline(1000, () => {
        throw 'a string';
      });
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).toBe('a string');
  });

  test('nested deadlines: the inner one fires first and the outer one still works', () => {
    const outcome = runWithDeadline(5000, () => {
      try {
        runWithDeadline(50, () => {
          for (;;);
        });
        return 'inner loop returned';
      } catch (error) {
        return error instanceof DeadlineExceededError ? 'inner deadline' : 'other error';
      }
    });
    expect(outcome).toBe('inner deadline');
  });

  test('counts the CPU time the body used: on Linux and macOS, outside worker threads, the clock is CPU time', () => {
    expect(deadlineClock()).toBe(process.platform === 'win32' ? 'wall' : 'cpu');
    expect(wallLimitMs(300)).toBe(300 * WALL_FACTOR);
    let error: unknown;
    const before = cpuNowMs();
    try {
      runWithDeadline(300, () => {
        for (;;);
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DeadlineExceededError);
    const deadline = error as DeadlineExceededError;
    expect([deadline.clock, deadline.exceeded, deadline.deadlineMs]).toEqual(['cpu', 'cpu', 300]);
    // Stopped once it had used its budget: not long before (the watcher polls every few ms), not long after.
    expect(deadline.spent!.cpuMs).toBeGreaterThanOrEqual(300);
    expect(cpuNowMs() - before).toBeLessThan(300 + 250);
  });

  test('a body that waits uses no CPU time: it passes under its wall limit, and is stopped past it', () => {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    // 400 ms asleep against a budget of 100 ms of CPU time: well under the wall limit of 1 000 ms.
    expect(runWithDeadline(100, () => Atomics.wait(cell, 0, 0, 400))).toBe('timed-out');
    let error: unknown;
    try {
      runWithDeadline(50, () => Atomics.wait(cell, 0, 0, 5000));
    } catch (thrown) {
      error = thrown;
    }
    // Past the wall limit (10 × 50 ms), the body is stopped even inside Atomics.wait, and the message says it waited.
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as DeadlineExceededError).exceeded).toBe('wall');
    expect((error as Error).message).toMatch(/ran for more than 500 ms of wall time \(10 times this test's budget of 50 ms of CPU time\) without using that much CPU/);
  });

  test('FAULTLINE_DEADLINE_CLOCK=wall makes deadlines count wall time, as where signals cannot stop a body', () => {
    const script = "import { runWithDeadline, deadlineClock } from './harness/deadline.ts'; try { runWithDeadline(100, () => { for (;;); }); } catch (e) { console.log(deadlineClock(), e.clock, e.message.split('.')[0]); }";
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FAULTLINE_DEADLINE_CLOCK: 'wall' } });
    expect(run.stdout.trim(), run.stderr).toBe('wall wall deadline: the code under test ran for more than 100 ms without returning');
  });

  test('rejects a deadline that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => runWithDeadline(bad, () => 1)).toThrow(RangeError);
  });
});
