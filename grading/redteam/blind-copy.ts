/**
 * Lays out a blind workspace for one exercise: what a learner sees of it, and
 * nothing of the grader. A red-team helper (or an independent implementer)
 * works there without ever seeing `grading/` or `solutions/`.
 *
 *   npx tsx grading/redteam/blind-copy.ts <slug> <DIR>
 *
 * DIR gets `exercises/<slug>/` (README, stubs, provided files, visible tests),
 * `harness/` (what learner code may import), a tsconfig and a vitest config
 * that run the visible tests against `exercises/<slug>/`, and a link to this
 * checkout's node_modules. Run `npx vitest run` and `npx tsc -p .` in DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exerciseSpec } from '../catalog';
import { ROOT } from '../paths';

const { positionals } = parseArgs({ allowPositionals: true });
const [slug, out] = positionals;
if (slug === undefined || out === undefined) {
  console.error('usage: npx tsx grading/redteam/blind-copy.ts <slug> <DIR>');
  process.exit(2);
}
const spec = exerciseSpec(slug);
const dir = path.resolve(out);
if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
  console.error(`blind-copy: ${dir} exists and is not empty; choose a new folder`);
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
fs.cpSync(path.join(ROOT, 'exercises', slug), path.join(dir, 'exercises', slug), { recursive: true });
fs.rmSync(path.join(dir, 'exercises', slug, 'package.json'));
fs.cpSync(path.join(ROOT, 'harness'), path.join(dir, 'harness'), {
  recursive: true,
  // the harness's own tests and the suite kit are the grader's
  filter: (from) => !from.startsWith(path.join(ROOT, 'harness', 'test')) && !from.startsWith(path.join(ROOT, 'harness', 'suite')),
});
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: `blind-${slug}`, private: true, type: 'module' }, null, 2)}\n`);
const paths = {
  '@faultline/harness': ['harness/index.ts'],
  [`@impl/${slug}`]: [`exercises/${slug}/${spec.entry}`],
  [`@impl/${slug}/*`]: [`exercises/${slug}/*`],
};
const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown>; include: string[] };
tsconfig.compilerOptions.paths = paths;
tsconfig.include = ['harness', 'exercises', '*.ts', 'variants', 'demos'];
fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
fs.writeFileSync(
  path.join(dir, 'vitest.config.ts'),
  `import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const implDir = path.resolve(root, process.env.IMPL_DIR ?? 'exercises/${slug}');
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@faultline\\/harness$/, replacement: path.join(root, 'harness/index.ts') },
      { find: /^@impl\\/${slug}$/, replacement: path.join(implDir, '${spec.entry}') },
      { find: /^@impl\\/${slug}\\/(.*)$/, replacement: \`\${implDir}/$1\` },
    ],
  },
  test: { root, include: ['exercises/**/*.test.ts'] },
});
`,
);
console.log(`blind-copy: ${slug} laid out in ${dir} (learner files: ${spec.learnerFiles.join(', ')})`);
