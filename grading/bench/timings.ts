/**
 * Wall time of the commands people run, measured here rather than asserted in
 * a test (a timed test flakes on a shared machine). Each command runs RUNS
 * times; the median and the range are printed.
 *
 *   npm run bench -- [RUNS=3] [--with-self-test] [--record]
 *
 * `--record` writes the medians to grading/bench/figures.json, which the
 * README's table of command timings is written from (grading/readme-figures.ts).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseOrExit } from '../args';
import { shipped } from '../catalog';
import { commands as cli } from '../commands';
import { COMMANDS, WALL_TIME, recordFigures } from './figures';
import { ROOT } from '../paths';

const { values, counts } = parseOrExit(
  cli.bench,
  `Times the commands people run, RUNS times each (default 3): the median and the range.
  --with-self-test   time the root npm test too
  --record           write the medians to grading/bench/figures.json, which the README's table is written from`,
);
const runs = counts.RUNS!;
const withSelfTest = values['with-self-test'] === true;

interface Command {
  readonly label: string;
  readonly command: string;
  readonly cwd: string;
}

const commands: Command[] = [
  { label: `\`npm run grade -- --solutions\` (all ${shipped().length} exercises)`, command: 'npm run -s grade -- --solutions', cwd: ROOT },
  { label: `\`npm run grade\` on the stubs (all ${shipped().length} exercises)`, command: 'npm run -s grade', cwd: ROOT },
  ...shipped().flatMap((e) => [
    { label: `\`npm run grade -- ${e.slug} --solutions\``, command: `npm run -s grade -- ${e.slug} --solutions`, cwd: ROOT },
    { label: `\`cd exercises/${e.slug} && npm test\` on the stub`, command: 'npm test', cwd: path.join(ROOT, 'exercises', e.slug) },
  ]),
];
if (withSelfTest) commands.push({ label: '`npm test` (root)', command: 'npm test', cwd: ROOT });

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('FAULTLINE_')) delete env[key];

console.log(`node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${runs} run(s) each`);
const measured: Record<string, Record<string, string>> = {};
for (const { label, command, cwd } of commands) {
  const times: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    status = spawnSync('bash', ['-c', command], { cwd, env, stdio: 'ignore' }).status;
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(46)} median ${median.toFixed(1)} s  (${times[0]!.toFixed(1)}–${times.at(-1)!.toFixed(1)} s, exit ${status})`);
  measured[label] = { [WALL_TIME]: `${median.toFixed(1)} s (median of ${runs}; ${times[0]!.toFixed(1)}–${times.at(-1)!.toFixed(1)} s)` };
}
if (values.record) recordFigures(COMMANDS, measured, `npm run bench -- ${runs} --record`);
