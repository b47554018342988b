/**
 * Save-to-score latency in watch mode: how long after a learner saves a file
 * the new score appears.
 *
 * For each exercise named (default: every shipped one) it stages the
 * reference as a submission is staged, starts the exercise's own watch
 * command (`npm run watch` in exercises/<slug>, pointed at the copy with
 * FAULTLINE_IMPL_ROOT), waits for the first score, then `rounds` times saves
 * the learner's file with one more comment line and times the wait until the
 * next closing `N passed, M failed` line. It checks that each re-run printed
 * the score of every task.
 *
 *   npx tsx grading/bench/watch-latency.ts [rounds] [slug ...] [--record]
 *
 * `--record` writes the medians to grading/bench/figures.json, which the
 * README's learner-loop table is written from (grading/readme-figures.ts).
 * DEBUG_WATCH=1 echoes the watch output to stderr.
 *
 * Where a re-run's time goes: every suite file imports the learner's module,
 * so a save re-runs them all, in fresh worker processes (vitest stops a run's
 * workers when it ends). Practice runs spread the files over every core
 * (vitest.config.ts), so a re-run takes about as long as its slowest worker:
 * starting it, loading the harness for each of its files
 * (harness/suite/fresh-modules.ts), and the test bodies: nearly all of
 * Raft's time is its four fault-scenario tests (a few hundred simulated
 * clusters each) and its model test. A second worker costs about a second of
 * CPU time to start and warm up, so a light suite gains little from it. The
 * figures are wall time: a machine busy with other work makes them longer,
 * while verdicts count CPU time and do not change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseOrExit } from '../args';
import { exerciseSpec, shipped } from '../catalog';
import { commands } from '../commands';
import { stageFile } from '../impl';
import { ROOT } from '../paths';
import { LEARNER_LOOP, SAVE_TO_SCORE, recordFigures } from './figures';

const { values, counts, exercises } = parseOrExit(
  commands.benchWatchLatency,
  `Save-to-score latency in watch mode, over ROUNDS saves (default 5) in each exercise named (default: every shipped one).
  --record   write the medians to grading/bench/figures.json, which the README's learner-loop table is written from`,
);
const rounds = counts.ROUNDS!;
const slugs = exercises.length > 0 ? exercises : shipped().map((spec) => spec.slug);
const CLOSING = /^\d+ passed, \d+ failed$/m;

async function measure(slug: string): Promise<number[]> {
  const spec = exerciseSpec(slug);
  // The reference's learner file with the exercise's provided files beside it, as a submission is staged.
  const staged = stageFile(spec, path.join(ROOT, 'solutions', slug, spec.entry));
  const root = staged.root;
  const file = path.join(root, slug, spec.entry);
  const child = spawn('npm', ['run', 'watch'], {
    cwd: path.join(ROOT, 'exercises', slug),
    env: { ...process.env, FAULTLINE_IMPL_ROOT: root, FORCE_COLOR: '0', NO_COLOR: '1' },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let waiting: ((text: string) => void) | undefined;
  let from = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (process.env.DEBUG_WATCH) process.stderr.write(chunk);
    const fresh = output.slice(from);
    if (waiting && CLOSING.test(fresh)) {
      from = output.length;
      const done = waiting;
      waiting = undefined;
      done(fresh);
    }
  });
  const nextScore = () => new Promise<string>((resolve) => (waiting = resolve));
  const checkScore = (text: string) => {
    for (const task of spec.tasks) if (!text.includes(`Task ${task.id}`)) throw new Error(`${slug}: a re-run did not print task ${task.id}:\n${text}`);
    if (!text.includes('100 %')) throw new Error(`${slug}: the reference did not score 100 %:\n${text}`);
  };
  try {
    checkScore(await nextScore());
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const next = nextScore();
      const start = performance.now();
      fs.appendFileSync(file, `// saved ${i}\n`);
      const text = await next;
      times.push(performance.now() - start);
      checkScore(text);
    }
    return times;
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
    staged.cleanup();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const record: Record<string, Record<string, string>> = {};
for (const slug of slugs) {
  const times = await measure(slug);
  console.log(`${slug}: save to score ${median(times).toFixed(0)} ms (median of ${times.length}; ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
  record[slug] = { [SAVE_TO_SCORE]: `${(median(times) / 1000).toFixed(1)} s (median of ${times.length})` };
}
if (values.record) recordFigures(LEARNER_LOOP, record, `npx tsx grading/bench/watch-latency.ts ${rounds} --record`);
