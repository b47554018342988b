/**
 * `npm run watch -- <exercise> [-- vitest options]` at the repository root:
 * the exercise's watch mode (`npm run watch` in exercises/<slug>), which
 * re-runs its visible tests and hidden suite on every save and prints the
 * score per task each time. What follows a second `--` goes to vitest as it
 * is (`npm run watch -- raft -- -t election`).
 *
 * Exit status: vitest's; 2 for a usage error (an unknown exercise or option),
 * before vitest starts.
 */
import { spawn } from 'node:child_process';
import { parseOrExit } from './args';
import { commands } from './commands';
import { ROOT, VITEST_BIN } from './paths';

const HELP = `Re-runs the exercise's visible tests and hidden suite on every save, with the score per task.
Options for vitest go after a second --: npm run watch -- raft -- -t election`;

const { exercises, passThrough } = parseOrExit(commands.watch, HELP);
const child = spawn(process.execPath, [VITEST_BIN, 'watch', '--root', ROOT, '--project', exercises[0]!, ...passThrough], { cwd: ROOT, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
