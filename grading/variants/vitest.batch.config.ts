/**
 * The vitest config of a self-test batch (grading/variants/batch.ts): many
 * known-wrong variants of one exercise graded in one vitest run, in workers
 * shared between test files. FAULTLINE_BATCH names the batch's plan.
 *
 * Each variant has a wrapper test file per suite file it needs; the wrapper
 * loads the suite file under the variant's own module name
 * (`…/election.test.ts?faultline-variant=v3`). The resolver below carries that
 * name to every module of the suite folder the file imports, and resolves
 * `@impl/<slug>` from them to the variant's staged files. So each variant gets
 * fresh suite modules and its own learner modules, while vitest, fast-check
 * and the harness load once per worker: a variant costs what its tests cost,
 * not a vitest start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import repoConfig from '../../vitest.config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BatchPlan {
  readonly slug: string;
  /** The exercise's entry file, what `@impl/<slug>` names. */
  readonly entry: string;
  /** The batch folder: `impl/<key>/<slug>/` staged learner files, `wrap/<key>/*.test.ts` wrappers. */
  readonly work: string;
  readonly workers: number;
}

export const VARIANT_QUERY = 'faultline-variant';

const planFile = process.env.FAULTLINE_BATCH;
if (!planFile) throw new Error('vitest.batch.config.ts: FAULTLINE_BATCH must name a batch plan (grading/variants/batch.ts writes it)');
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as BatchPlan;

function variantResolver(): Plugin {
  const suiteDir = path.join(root, 'grading', 'suites', plan.slug) + path.sep;
  const impl = new RegExp(`^@impl/${plan.slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/(.+))?$`);
  return {
    name: 'faultline-variant-resolver',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const key = importer === undefined ? null : new URLSearchParams(importer.split('?')[1] ?? '').get(VARIANT_QUERY);
      if (!key) return null;
      const wanted = impl.exec(source);
      if (wanted) {
        const file = wanted[1] ?? plan.entry;
        return path.join(plan.work, 'impl', key, plan.slug, file.endsWith('.ts') ? file : `${file}.ts`);
      }
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved === null || resolved.external) return resolved;
      const file = resolved.id.split('?')[0]!;
      return file.startsWith(suiteDir) ? `${file}?${VARIANT_QUERY}=${key}` : resolved;
    },
  };
}

export default defineConfig({
  plugins: [variantResolver()],
  // The `@faultline/*` names every suite imports, as the repo's own config resolves them.
  resolve: { alias: repoConfig.resolve?.alias ?? [] },
  test: {
    root,
    include: [`${path.relative(root, plan.work).split(path.sep).join('/')}/wrap/**/*.test.ts`],
    // Workers are shared between the wrappers: vitest, fast-check and the harness load once per worker.
    isolate: false,
    maxWorkers: plan.workers,
    execArgv: ['--max-old-space-size=1024'],
    setupFiles: [path.join(root, 'harness/suite/proof.ts')],
    reporters: [path.join(root, 'grading/reporters/stream-reporter.ts')],
  },
});
