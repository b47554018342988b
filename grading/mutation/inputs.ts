/**
 * What a mutation run's verdicts depend on: every file the exercise's suite
 * run can load, the exact versions of the tools that mutate and run it, and
 * the options that decide a verdict. Each committed incremental report
 * (grading/mutation/incremental.ts) records the inputs it was made from, so a
 * later run knows what changed since, and what that change costs.
 *
 * An input file is one of three kinds, by what a change to it costs:
 * - `tests`: the suite's `*.test.ts` files. StrykerJS's incremental mode sees
 *   them, a whole file at a time with the vitest runner (which reports no test
 *   locations), and reruns every mutant that a changed file's tests killed,
 *   or that any of its tests now covers: an incremental run;
 * - `reference`: the learner files of `solutions/<slug>/`, the mutated ones.
 *   Stryker would rerun only the mutants inside the changed text, but nearly
 *   every test of a suite reaches nearly every line of its reference, so one
 *   changed line can change the verdict of a mutant anywhere: a full run;
 * - `untracked`: everything else the run loads, which Stryker does not see at
 *   all: the suite's helpers and models, the files of `harness/` that the
 *   suite run imports (`suiteRunImports`; not the harness's own tests), the
 *   provided files of `solutions/<slug>/` and the `exercises/<slug>/` copies
 *   they re-export, `vitest.config.ts` and the grader files it imports,
 *   `tsconfig.json`: a full run. Of the catalog and tsconfig.json, only this
 *   exercise's share counts (`ownShare`): the next exercise added leaves the
 *   others' reports current.
 * A changed tool version or verdict option costs a full run too.
 *
 * Not inputs: the known-wrong variants (`grading/suites/<slug>/broken/`,
 * which no suite imports), the allow-list of equivalent mutants (applied to
 * the verdicts afterwards, grading/mutation/report.ts), and Node itself (the
 * reports are made on Node 20, as CI runs). Nor is a harness file that the
 * suite run never imports: a fault added to `harness/storage/` for the
 * storage exercises leaves every other exercise's report current.
 * grading/test/mutation-inputs.test.ts checks that every import of each suite
 * run reaches an input.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exerciseSpec } from '../catalog';
import { ROOT } from '../paths';

export type InputKind = 'tests' | 'reference' | 'untracked';

/** The packages whose exact version can change a verdict: the mutants made, how tests run, the cases generated. */
export const TOOLS = ['@stryker-mutator/core', '@stryker-mutator/instrumenter', '@stryker-mutator/vitest-runner', 'vitest', 'fast-check'] as const;

/** Files outside the exercise's own folders that every suite run loads: the vitest config and what it imports. */
const SHARED_FILES = ['vitest.config.ts', 'tsconfig.json', 'grading/catalog.ts', 'grading/import-guard.ts', 'grading/sandbox.ts', 'grading/shipping.ts'] as const;

/** The options of a run that decide its verdicts (grading/mutation/run.ts passes them to Stryker and the suite). */
export interface VerdictOptions {
  /** The mutated files, relative to the checkout. */
  readonly mutate: readonly string[];
  readonly coverageAnalysis: 'perTest';
  /** Stryker's timeout for one mutant: timeoutMS + timeoutFactor × the covering tests' normal time. */
  readonly timeoutMS: number;
  readonly timeoutFactor: number;
  /** Every suite deadline is multiplied by this (FAULTLINE_DEADLINE_SCALE): instrumented code runs slower. */
  readonly deadlineScale: number;
  /** The suite's seed (FAULTLINE_SEED): it decides every generated case. */
  readonly seed: number;
}

export function verdictOptions(slug: string): VerdictOptions {
  return {
    mutate: exerciseSpec(slug).learnerFiles.map((file) => `solutions/${slug}/${file}`),
    coverageAnalysis: 'perTest',
    // Generous: a correct mutant must never time out, even on a slow, busy machine (see run.ts).
    timeoutMS: 30_000,
    timeoutFactor: 4,
    deadlineScale: 4,
    seed: 1,
  };
}

/** Everything a run's verdicts depend on. File paths are relative to the checkout, with `/`. */
export interface Inputs {
  readonly options: VerdictOptions;
  /** Package name → exact version. */
  readonly versions: Readonly<Record<string, string>>;
  /** File → sha-256 of its text (line endings as `\n`), hex. */
  readonly files: Readonly<Record<string, string>>;
}

/** Whether a file is one of the test files of an exercise's suite, the kind Stryker tracks. */
export const isTestFile = (slug: string, file: string): boolean =>
  file.startsWith(`grading/suites/${slug}/`) && !file.startsWith(`grading/suites/${slug}/broken/`) && file.endsWith('.test.ts');

/** What kind of input a file is for one exercise's run, or undefined when no change to it can change a verdict. */
export function inputKind(slug: string, file: string): InputKind | undefined {
  const suite = `grading/suites/${slug}/`;
  const solution = `solutions/${slug}/`;
  if ((SHARED_FILES as readonly string[]).includes(file)) return 'untracked';
  if (isTestFile(slug, file)) return 'tests';
  if (file.startsWith(suite)) return file.startsWith(`${suite}broken/`) ? undefined : 'untracked';
  if (file.startsWith(solution)) return exerciseSpec(slug).learnerFiles.includes(file.slice(solution.length)) ? 'reference' : 'untracked';
  // The reference's provided files re-export the learner's copies (`export * from '../../exercises/<slug>/<file>'`).
  if (file.startsWith(`exercises/${slug}/`) && exerciseSpec(slug).providedFiles.includes(file.slice(`exercises/${slug}/`.length))) return 'untracked';
  if (file.startsWith('harness/') && !file.startsWith('harness/test/')) return 'untracked';
  return undefined;
}

/**
 * The part of a shared file an exercise's run can see. The catalog and tsconfig.json list every exercise, and a
 * run of this one reads only its own entry (the mutation config builds its project alone) and the compiler
 * options vitest's transform uses: adding the next exercise changes no other exercise's inputs. Every other file
 * counts whole.
 */
export function ownShare(slug: string, file: string, text: string): string {
  if (file === 'grading/catalog.ts') {
    // The catalog's entry for this exercise, as its code reads it; the rest of the file is the other entries and helpers.
    return `${JSON.stringify(exerciseSpec(slug))}\n`;
  }
  if (file === 'tsconfig.json') {
    const config = JSON.parse(text) as { compilerOptions: { paths?: Record<string, string[]> } & Record<string, unknown> };
    const { paths = {}, ...options } = config.compilerOptions;
    const own = Object.fromEntries(Object.entries(paths).filter(([alias]) => alias === `@impl/${slug}` || alias === `@impl/${slug}/*` || !alias.startsWith('@impl/')));
    return `${JSON.stringify({ ...config, compilerOptions: { ...options, paths: own } })}\n`;
  }
  return text;
}

/** sha-256 of a file's text, line endings read as `\n`, so that a checkout with CRLF agrees. */
export function hashText(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

function walk(root: string, dir: string): string[] {
  const at = path.join(root, dir);
  if (!fs.existsSync(at)) return [];
  return fs.readdirSync(at, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const name = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return walk(root, name);
    return entry.isFile() ? [name] : [];
  });
}

/** Where an import resolves inside the checkout, or undefined for a package or a Node built-in. */
function resolveImport(root: string, from: string, spec: string): string | undefined {
  const aliases: Record<string, string> = { '@faultline/harness': 'harness/index.ts', '@faultline/suite': 'harness/suite/index.ts', '@faultline/catalog': 'grading/catalog.ts' };
  let target: string;
  if (aliases[spec] !== undefined) target = aliases[spec];
  else if (spec.startsWith('@impl/')) {
    const [, exercise, ...rest] = spec.split('/');
    target = rest.length === 0 ? `solutions/${exercise}/${exerciseSpec(exercise!).entry}` : `solutions/${exercise}/${rest.join('/')}`;
  } else if (spec.startsWith('.')) target = path.posix.join(path.posix.dirname(from), spec);
  else return undefined;
  for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) {
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate;
  }
  throw new Error(`mutation: ${from} imports ${JSON.stringify(spec)}, which is not a file of the checkout`);
}

/** A static import or re-export, a dynamic import of a string literal, or a bare import. */
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
/** A dynamic import of anything but a string literal: where it leads cannot be read off the source. */
const COMPUTED_IMPORT = /import\(\s*(?!['"])/;

/**
 * Every file of the checkout that one exercise's suite run loads: the vitest
 * config, the setup files it names, the suite's test files, and everything
 * they import, followed through the source text. A dynamic import of a
 * computed name is an error: what it loads could not be an input.
 */
export function suiteRunImports(slug: string, root = ROOT): Set<string> {
  const config = fs.readFileSync(path.join(root, 'vitest.config.ts'), 'utf8');
  const setupFiles = [...config.matchAll(/path\.join\(root, '(harness\/[^'*]+\.ts)'\)/g)].map((m) => m[1]!);
  const suite = `grading/suites/${slug}`;
  const tests = walk(root, suite).filter((file) => isTestFile(slug, file));
  const seen = new Set<string>();
  const queue = ['vitest.config.ts', ...setupFiles, ...tests];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // Doc comments quote imports, and `typeof import('…')` is a type; only code counts.
    const code = fs
      .readFileSync(path.join(root, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    if (COMPUTED_IMPORT.test(code)) throw new Error(`mutation: ${file} imports a computed name, so its mutation inputs cannot be read off the source`);
    for (const m of code.matchAll(IMPORT)) {
      const next = resolveImport(root, file, (m[1] ?? m[2] ?? m[3])!);
      if (next !== undefined) queue.push(next);
    }
  }
  return seen;
}

/** The inputs of one exercise's run, read from the checkout at `root`. */
export function readInputs(slug: string, root = ROOT): Inputs {
  const provided = exerciseSpec(slug).providedFiles.map((file) => `exercises/${slug}/${file}`).filter((file) => fs.existsSync(path.join(root, file)));
  const imported = suiteRunImports(slug, root);
  const harness = walk(root, 'harness').filter((file) => imported.has(file));
  const candidates = [...SHARED_FILES, ...harness, ...walk(root, `grading/suites/${slug}`), ...walk(root, `solutions/${slug}`), ...provided];
  const files = Object.fromEntries(
    candidates
      .filter((file) => inputKind(slug, file) !== undefined)
      .sort()
      .map((file) => [file, hashText(ownShare(slug, file, fs.readFileSync(path.join(root, file), 'utf8')))]),
  );
  const versions = Object.fromEntries(
    TOOLS.map((name) => [name, (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version]),
  );
  return { options: verdictOptions(slug), versions, files };
}

/** One difference between the inputs a report was made from and the checkout's. */
export interface InputChange {
  /** A file, a package, or `options`. */
  readonly input: string;
  readonly kind: InputKind | 'version' | 'options';
  readonly change: 'added' | 'removed' | 'changed';
}

/**
 * What a report made from `recorded` inputs needs before it describes the
 * checkout's `current` ones:
 * - `none`: nothing changed; every verdict stands;
 * - `incremental`: only test files changed (added, removed or edited), which
 *   Stryker's incremental mode sees: rerun what their tests killed or cover;
 * - `full`: something changed that it does not see, or there is no report.
 */
export type Freshness =
  | { readonly rerun: 'none'; readonly changes: readonly [] }
  | { readonly rerun: 'incremental' | 'full'; readonly changes: readonly InputChange[] };

export function compareInputs(slug: string, recorded: Inputs | undefined, current: Inputs): Freshness {
  if (recorded === undefined) return { rerun: 'full', changes: [] };
  const changes: InputChange[] = [];
  if (JSON.stringify(recorded.options) !== JSON.stringify(current.options)) changes.push({ input: 'options', kind: 'options', change: 'changed' });
  const compare = (before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>, kind: (name: string) => InputChange['kind']): void => {
    for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const was = before[name];
      const is = after[name];
      if (was === is) continue;
      changes.push({ input: name, kind: kind(name), change: was === undefined ? 'added' : is === undefined ? 'removed' : 'changed' });
    }
  };
  compare(recorded.versions, current.versions, () => 'version');
  // A file that is no longer an input (a variant moved under broken/) counts as untracked: it was loaded before.
  compare(recorded.files, current.files, (file) => inputKind(slug, file) ?? 'untracked');
  if (changes.length === 0) return { rerun: 'none', changes: [] };
  return { rerun: changes.every((c) => c.kind === 'tests') ? 'incremental' : 'full', changes };
}

/** One line per change, for a person: `grading/suites/raft/support.ts changed (not seen by Stryker)`. */
export function describeChanges(changes: readonly InputChange[]): string[] {
  const why: Record<InputChange['kind'], string> = {
    tests: 'a test file: Stryker reruns what its tests killed or cover',
    reference: 'a mutated file: any of its mutants may change verdict',
    untracked: 'not seen by Stryker',
    version: 'a tool version',
    options: 'what decides a verdict',
  };
  return changes.map((c) => `${c.input} ${c.change} (${why[c.kind]})`);
}
