/**
 * `npm run watch -- <slug>` at the repository root: the exercise's watch mode
 * (`npm run watch` in exercises/<slug>), which re-runs its visible tests and
 * hidden suite on every save and prints the score per task each time.
 */
import { spawn } from 'node:child_process';
import { catalog } from './catalog';
import { ROOT, VITEST_BIN } from './paths';

const [slug, ...rest] = process.argv.slice(2);
const known = catalog.map((e) => e.slug);
if (slug === undefined || !known.includes(slug)) {
  process.stderr.write(`usage: npm run watch -- <exercise>\nexercises: ${known.join(', ')}\n`);
  process.exit(2);
}
const child = spawn(process.execPath, [VITEST_BIN, 'watch', '--root', ROOT, '--project', slug, ...rest], { cwd: ROOT, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
