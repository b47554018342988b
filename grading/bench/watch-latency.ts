/**
 * Save-to-score latency in watch mode: how long after a learner saves a file
 * the new score appears.
 *
 * For each exercise named (default: bloom-filter and raft) it stages the
 * reference as a submission is staged, starts the exercise's own watch
 * command (`npm run watch` in exercises/<slug>, pointed at the copy with
 * FAULTLINE_IMPL_ROOT), waits for the first score, then `rounds` times saves
 * the learner's file with one more comment line and times the wait until the
 * next closing `N passed, M failed` line. It checks that each re-run printed
 * the score of every task.
 *
 *   npx tsx grading/bench/watch-latency.ts [rounds] [slug ...]
 *
 * DEBUG_WATCH=1 echoes the watch output to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { exerciseSpec } from '../catalog';
import { stageFile } from '../impl';
import { ROOT } from '../paths';

const rounds = Number(process.argv[2] ?? 5);
const slugs = process.argv.length > 3 ? process.argv.slice(3) : ['bloom-filter', 'raft'];
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
for (const slug of slugs) {
  const times = await measure(slug);
  console.log(`${slug}: save to score ${median(times).toFixed(0)} ms (median of ${times.length}; ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
}
