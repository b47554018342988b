/**
 * Writes the course workflows from their templates (workflows.ts):
 * `grading/github-classroom/<slug>.yml` for every shipped exercise and
 * `grading/github-classroom/instructor/{collect,grade,publish}.yml`.
 *
 *   npx tsx grading/github-classroom/generate.ts [--check]
 *
 * A `.yml` in those two folders that is no longer generated (an exercise taken
 * out of the catalog) is removed. With --check nothing is written: it lists the
 * files that differ from what would be written, and exits 1 when there are any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from '../paths';
import { GENERATED_DIR, generatedFiles } from './workflows';

/** What differs between the files on disk under `root` and `expected`: stale or missing files to write, and strays to remove. */
export function differences(root: string, expected: ReadonlyMap<string, string>): { write: string[]; remove: string[] } {
  const write = [...expected].filter(([file, text]) => {
    const full = path.join(root, file);
    return !fs.existsSync(full) || fs.readFileSync(full, 'utf8') !== text;
  });
  const remove: string[] = [];
  for (const dir of [GENERATED_DIR, `${GENERATED_DIR}/instructor`]) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full)) {
      const file = `${dir}/${name}`;
      if (name.endsWith('.yml') && !expected.has(file)) remove.push(file);
    }
  }
  return { write: write.map(([file]) => file), remove };
}

function main(argv: readonly string[]): number {
  let check = false;
  try {
    check = parseArgs({ args: [...argv], options: { check: { type: 'boolean' } } }).values.check === true;
  } catch (error) {
    process.stderr.write(`usage: npx tsx grading/github-classroom/generate.ts [--check]\ngenerate: ${(error as Error).message.split('. ')[0]}\n`);
    return 2;
  }
  const expected = generatedFiles();
  const { write, remove } = differences(ROOT, expected);
  if (check) {
    for (const file of write) process.stdout.write(`out of date: ${file}\n`);
    for (const file of remove) process.stdout.write(`no longer generated: ${file}\n`);
    if (write.length + remove.length === 0) process.stdout.write(`${expected.size} workflows up to date\n`);
    else process.stdout.write('run: npx tsx grading/github-classroom/generate.ts\n');
    return write.length + remove.length === 0 ? 0 : 1;
  }
  for (const file of write) {
    fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, file), expected.get(file)!);
    process.stdout.write(`wrote ${file}\n`);
  }
  for (const file of remove) {
    fs.rmSync(path.join(ROOT, file));
    process.stdout.write(`removed ${file}\n`);
  }
  process.stdout.write(`${expected.size} workflows, ${write.length} written, ${remove.length} removed\n`);
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
