/**
 * Our own `grade` CLI in a child process, for the batch mode and the stress
 * script: one grade per child, so one submission's crash cannot touch another.
 *
 * - The child is `node --import tsx grading/cli.ts …` in its own process
 *   group, with the grader's FAULTLINE_* and VITEST* variables removed.
 * - Past its wall-clock limit it gets SIGTERM, on which the CLI writes its
 *   result file with every unfinished exercise unearned and stops its own
 *   vitest run; SIGKILL follows to the whole group after a grace period.
 * - Its output (the terminal report) is kept as a bounded tail.
 */
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT } from './paths';
import { Tail } from './runner';

export interface CliRun {
  /** Exit code, or null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the wall-clock limit stopped it. */
  readonly timedOut: boolean;
  readonly seconds: number;
  /** The last 256 KiB of stdout and stderr, interleaved. */
  readonly output: string;
}

export interface CliChild {
  readonly done: Promise<CliRun>;
  /** Asks the child to stop (SIGTERM, then SIGKILL to its group after the grace period). */
  stop(): void;
}

const OUTPUT_BYTES = 256 * 1024;
export const KILL_GRACE_MS = 10_000;

/** One grade per core: a grade is mostly one busy process at a time, and the suites' deadlines are wall-clock. */
export const defaultJobs = (): number => Math.max(1, os.availableParallelism());

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key.startsWith('FAULTLINE_') || key === 'NODE_OPTIONS' || key === 'TEST') continue;
    env[key] = value;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1' };
}

export function runCli(args: readonly string[], limitMs: number): CliChild {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'grading', 'cli.ts'), ...args], {
    cwd: ROOT,
    env: cleanEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = new Tail(OUTPUT_BYTES);
  child.stdout.on('data', (chunk: Buffer) => tail.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => tail.push(chunk));
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = () => {
    if (killTimer !== undefined || child.exitCode !== null || child.signalCode !== null) return;
    signalGroup('SIGTERM');
    killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
  };
  const limitTimer = setTimeout(() => {
    timedOut = true;
    stop();
  }, limitMs);
  const onParentExit = () => signalGroup('SIGKILL');
  // One listener per child at once: a batch or a stress run may have many children.
  process.setMaxListeners(process.getMaxListeners() + 1);
  process.once('exit', onParentExit);
  const done = new Promise<CliRun>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
      process.off('exit', onParentExit);
      process.setMaxListeners(Math.max(10, process.getMaxListeners() - 1));
      resolve({ code, signal, timedOut, seconds: (performance.now() - started) / 1000, output: tail.toString() });
    };
    child.on('error', (error) => {
      tail.push(Buffer.from(`\ngrade: could not start the grader: ${error.message}\n`));
      finish(null, null);
    });
    child.on('close', finish);
  });
  return { done, stop };
}

/** Runs `work` over `items` with at most `jobs` at a time; results keep the items' order. */
export async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, jobs), items.length) }, worker));
  return results;
}
