/**
 * npm run variant: the known-wrong variants, as a reader or a maintainer
 * needs them.
 *
 *   npm run variant -- <exercise>                   list them: id, lines changed, the mistake
 *   npm run variant -- <exercise> <id>              print its patch
 *   npm run variant -- <exercise> <id> --whole      print its learner files, whole, as a learner would have written them
 *   npm run variant -- <exercise> <id> --out DIR    write them as a submission, DIR/exercises/<exercise>/…
 *                                                   (then: npm run grade -- --submission DIR <exercise>)
 *   npm run variant -- <exercise> <id> --save DIR   rewrite its patch from DIR/exercises/<exercise>/…
 *
 * To change a variant, or to carry it over a change of the reference: --out,
 * edit, --save. Our variant's story is its file's opening doc comment; a red
 * team's comes from its manifest entry. A new variant of ours: add its entry
 * to broken/variants.ts, write its file from the reference, then --save.
 * `--out` of a variant whose patch no longer applies fails; `--fuzz N` lets
 * up to N context lines differ, to start the repair from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyPatch } from 'diff';
import { exitWithUsage, parseOrExit, UsageError } from '../args';
import { exerciseSpec } from '../catalog';
import { commands } from '../commands';
import { ROOT } from '../paths';
import { allVariants, canonicalPatch, materialize, readVariantPatch, type Variant } from './index';
import { VariantPatchError, changedLines } from './patch';

const HELP = `The known-wrong variants of an exercise: without <id>, lists them; with it, prints its patch.
  --whole       print its learner files, whole
  --out DIR     write them as a submission, DIR/exercises/<exercise>/… (--fuzz N: let N context lines differ)
  --save DIR    rewrite its patch from DIR/exercises/<exercise>/…`;

async function main(argv: readonly string[]): Promise<void> {
  const { values, exercises, words } = parseOrExit(commands.variant, HELP, argv);
  const slug = exercises[0]!;
  const id = words.variant;
  const variants = await allVariants(slug);
  if (id === undefined) {
    if (values.whole || values.out !== undefined || values.save !== undefined) throw new UsageError('which variant? (npm run variant -- <exercise> lists them)');
    for (const v of variants) process.stdout.write(`${v.id.padEnd(44)} ${String(changedLines(readVariantPatch(v))).padStart(3)} lines  ${v.mistake}\n`);
    return;
  }
  const variant = variants.find((v) => v.id === id);
  if (variant === undefined) throw new UsageError(`${slug} has no variant "${id}" (npm run variant -- ${slug} lists them)`);
  const modes = [values.whole, values.out !== undefined, values.save !== undefined].filter(Boolean).length;
  if (modes > 1) throw new UsageError('--whole, --out and --save go one at a time');
  if (values.fuzz !== undefined && values.out === undefined) throw new UsageError('--fuzz goes with --out');

  if (values.save !== undefined) return save(variant, path.resolve(values.save));
  if (values.out === undefined && !values.whole) {
    process.stdout.write(fs.readFileSync(path.join(ROOT, variant.patchFile), 'utf8'));
    return;
  }
  const fuzz = values.fuzz === undefined ? 0 : Number(values.fuzz);
  if (!Number.isInteger(fuzz) || fuzz < 0) throw new UsageError('--fuzz needs a whole number of lines');
  const files = fuzz === 0 ? materialize(variant) : fuzzy(variant, fuzz);
  if (values.whole) {
    for (const [name, text] of files) process.stdout.write(files.size > 1 ? `// ===== ${name}\n${text}` : text);
    return;
  }
  const into = path.join(path.resolve(values.out!), 'exercises', slug);
  fs.mkdirSync(into, { recursive: true });
  for (const [name, text] of files) fs.writeFileSync(path.join(into, name), text);
  process.stdout.write(`wrote ${[...files.keys()].map((name) => path.join(into, name)).join(', ')}\n`);
}

/** Materialises with up to `fuzz` differing context lines: a starting point when the base moved under the patch. */
function fuzzy(variant: Variant, fuzz: number): Map<string, string> {
  const patch = readVariantPatch(variant);
  const out = new Map<string, string>();
  for (const [name, diff] of patch.files) {
    const after = applyPatch(fs.readFileSync(path.join(ROOT, variant.baseDir, name), 'utf8'), diff, { fuzzFactor: fuzz });
    if (after === false) throw new VariantPatchError(`${variant.patchFile} does not apply to ${name} even with ${fuzz} differing line(s) per hunk`);
    out.set(name, after);
  }
  return out;
}

/** Rewrites a variant's patch, in canonical form, from the learner files in `dir/exercises/<slug>/`. */
function save(variant: Variant, dir: string): void {
  const from = path.join(dir, 'exercises', variant.slug);
  const files = new Map(
    exerciseSpec(variant.slug)
      .learnerFiles.filter((name) => fs.existsSync(path.join(from, name)))
      .map((name) => [name, fs.readFileSync(path.join(from, name), 'utf8')] as const),
  );
  if (files.size === 0) throw new UsageError(`no learner file of ${variant.slug} in ${from}`);
  fs.writeFileSync(path.join(ROOT, variant.patchFile), canonicalPatch(variant, files));
  process.stdout.write(`wrote ${variant.patchFile}\n`);
}

// `npm run variant -- raft | head`: a reader that stops early is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) exitWithUsage(commands.variant, error.message);
  if (error instanceof VariantPatchError || error instanceof RangeError) {
    process.stderr.write(`npm run variant: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
