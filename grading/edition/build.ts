/**
 * A learner edition: what students clone to work on a course's exercises, and
 * nothing that reveals a reference.
 *
 * It is planned from one commit (HEAD by default; an uncommitted edit never
 * ships) and holds:
 * - each chosen exercise's folder, `exercises/<slug>/`, as committed;
 * - its hidden suite, `grading/suites/<slug>/*.test.ts`, without `broken/`;
 * - every file those, the vitest configs and the learner's scripts (an
 *   exercise's `npm test`, `watch`, `ui`, `hint`, `next`, `reset`; at the top
 *   `grade`, `watch`, `progress`, `hint`, `next`, `reset`, `ui`, `typecheck`)
 *   load, found by reading them (closure.ts): the harness, the grader, the
 *   reporters, the score panel, the stub pins;
 * - package-lock.json and .gitignore as committed; package.json, tsconfig.json,
 *   grading/catalog.ts and grading/stubs.json cut down to the chosen exercises
 *   (generated.ts); a README.md for students (from grading/edition/README.md).
 *
 * Two checks stand between the plan and the disk: no file of the plan is one
 * that never ships (grading/shipping.ts), and no file holds a distinctive line
 * of the reference (leaks.ts). Either failing is an EditionError, and nothing
 * is written.
 *
 * More generated files (a Classroom workflow) join an edition through
 * `addGenerated` before `writeEdition`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExerciseSpec } from '../catalog';
import { committedFiles, readBlobs, withheld, type CommittedFile } from '../shipping';
import { closure, type Aliases, type Reference, type Tree } from './closure';
import { editionCatalog, editionPackageJson, editionStubs, editionTsconfig, EDITION_TEST_SCRIPT, exerciseTable, fillTemplate, LEARNER_SCRIPTS, scriptFiles, type EditionExercise } from './generated';
import { describeLeak, distinctiveLines, findLeaks } from './leaks';
import { SHARED_LINES } from './shared-lines';

/** The edition cannot be built as asked: a needed file is withheld, a file would leak, a slug is unknown. */
export class EditionError extends Error {}

/** What was asked for names no shipped exercise, or no commit: the caller's mistake, a usage error. */
export class ChoiceError extends EditionError {}

export interface EditionFile {
  readonly data: Buffer;
  /** 0o755 for a file git records as executable, else 0o644. */
  readonly mode: number;
  /** Copied from the commit, or written for the edition. */
  readonly origin: 'committed' | 'generated';
}

export interface Edition {
  /** The commit it was planned from, in full. */
  readonly commit: string;
  readonly exercises: readonly EditionExercise[];
  /** Repository path to contents. */
  readonly files: Map<string, EditionFile>;
  /** Folders a shipped module names that the edition leaves out, with where: features of the grader absent here. */
  readonly leftOut: readonly Reference[];
}

/** The students' README template, beside this file. */
export const README_TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'README.md');

/** Non-code files a learner's commands need that no code names: installing needs the lock, git the ignore list. */
const ALWAYS = ['package-lock.json', '.gitignore'];

/** The committed catalog, evaluated: its module and what it imports are written to a temporary folder and loaded. */
async function committedCatalog(tree: Tree, aliases: Aliases): Promise<{ catalog: readonly ExerciseSpec[]; shipped: () => readonly ExerciseSpec[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-catalog-'));
  try {
    for (const file of closure(tree, ['grading/catalog.ts'], aliases).files) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), tree.read(file));
    }
    return (await import(pathToFileURL(path.join(dir, 'grading', 'catalog.ts')).href)) as { catalog: readonly ExerciseSpec[]; shipped: () => readonly ExerciseSpec[] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** How a file came to be needed: `a ← b:12 ← c:3`, from the entry that needed it first. */
function chain(file: string, via: ReadonlyMap<string, Reference>): string {
  const steps = [file];
  for (let at = via.get(file); at !== undefined && steps.length < 20; at = via.get(at.from)) steps.push(`${at.from}:${at.line}`);
  return steps.join(' ← ');
}

export interface PlanOptions {
  /** The maintainers' checkout. */
  readonly repo: string;
  /** The commit to take files from; default HEAD. */
  readonly rev?: string;
  /** Exercises, by slug; default every shipped one. Kept in catalog order. */
  readonly slugs?: readonly string[];
}

/** Plans an edition: every file it would hold, checked, and nothing written yet. */
export async function planEdition(options: PlanOptions): Promise<Edition> {
  const { repo, rev = 'HEAD' } = options;
  const resolved = spawnSync('git', ['-C', repo, 'rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { encoding: 'utf8' });
  if (resolved.status !== 0) throw new ChoiceError(`no commit "${rev}" in ${repo}; --rev takes a commit, branch or tag`);
  const commit = resolved.stdout.trim();
  const listed = committedFiles(repo, commit);
  const blobs = readBlobs(repo, listed.map((file) => file.blob));
  const byPath = new Map<string, CommittedFile>(listed.map((file) => [file.path, file]));
  const bytes = (file: string): Buffer => blobs.get(byPath.get(file)!.blob)!;
  const tree: Tree = { files: new Set(byPath.keys()), read: (file) => bytes(file).toString('utf8') };
  const need = (file: string): string => {
    if (!byPath.has(file)) throw new EditionError(`edition: ${file} is not in commit ${commit.slice(0, 12)}; an edition is built from committed files only`);
    return tree.read(file);
  };
  const tsconfig = JSON.parse(need('tsconfig.json')) as { compilerOptions?: { paths?: Aliases } };
  const aliases = tsconfig.compilerOptions?.paths ?? {};

  const { catalog, shipped } = await committedCatalog(tree, aliases);
  const chosen = options.slugs === undefined || options.slugs.length === 0 ? shipped() : pick(catalog, shipped(), options.slugs);
  const slugs = chosen.map((spec) => spec.slug);

  const pkg = JSON.parse(need('package.json')) as { scripts?: Record<string, string> };
  const rootScripts = [EDITION_TEST_SCRIPT, ...LEARNER_SCRIPTS.flatMap((name) => pkg.scripts?.[name] ?? [])];
  const entries = new Set<string>([...ALWAYS.filter((file) => byPath.has(file)), ...rootScripts.flatMap(scriptFiles)]);
  for (const slug of slugs) {
    const folder = `exercises/${slug}/`;
    for (const file of byPath.keys()) {
      if (file.startsWith(folder)) entries.add(file);
      if (file.startsWith(`grading/suites/${slug}/`) && file.endsWith('.test.ts') && withheld(file) === undefined) entries.add(file);
    }
    const scripts = (JSON.parse(need(`${folder}package.json`)) as { scripts?: Record<string, string> }).scripts ?? {};
    for (const [name, script] of Object.entries(scripts)) {
      for (const named of scriptFiles(script)) {
        const file = [path.posix.normalize(path.posix.join(folder, named)), path.posix.normalize(named)].find((candidate) => byPath.has(candidate));
        if (file === undefined) throw new EditionError(`edition: the "${name}" script of ${folder}package.json names ${named}, which is not committed`);
        entries.add(file);
      }
    }
  }
  for (const entry of entries) if (!byPath.has(entry)) throw new EditionError(`edition: a learner's command needs ${entry}, which is not in commit ${commit.slice(0, 12)}`);

  // The maintainers' test files that vitest.config.ts names for its own projects (`self-mutation`): a learner's
  // command runs an exercise's project only, so they are never read, and they never ship.
  const maintainersTest = (reference: Reference): boolean =>
    reference.from === 'vitest.config.ts' && reference.kind === 'file' && /^grading\/test\/[\w-]+\.test\.ts$/.test(reference.target);
  const needed = closure(tree, [...entries], aliases, maintainersTest);
  const secret = [...needed.files].filter((file) => withheld(file) !== undefined);
  if (secret.length > 0) {
    throw new EditionError(
      `edition: the learner's commands need files that never ship (grading/shipping.ts):\n${secret.map((file) => `  ${chain(file, needed.via)}\n    (${withheld(file)})`).join('\n')}\n` +
        'Make the module that needs it load it only where the feature is used, or move what it needs out of the withheld folder.',
    );
  }
  for (const reference of needed.unresolved) {
    throw new EditionError(`edition: ${reference.from}:${reference.line} imports ${reference.text}, which names no committed file (looked for ${reference.target})`);
  }

  const files = new Map<string, EditionFile>();
  for (const file of [...needed.files].sort()) {
    files.set(file, { data: bytes(file), mode: byPath.get(file)!.mode === '100755' ? 0o755 : 0o644, origin: 'committed' });
  }
  const generate = (file: string, text: string): void => void files.set(file, { data: Buffer.from(text), mode: 0o644, origin: 'generated' });
  const note = `Generated by npm run edition from commit ${commit.slice(0, 12)}: this edition's exercises (${slugs.join(', ')}).`;
  generate('grading/catalog.ts', editionCatalog(need('grading/catalog.ts'), slugs, note));
  if (files.has('grading/stubs.json')) generate('grading/stubs.json', editionStubs(need('grading/stubs.json'), slugs));
  generate('package.json', editionPackageJson(need('package.json')));
  const has = (entry: string): boolean => files.has(entry) || [...files.keys()].some((file) => file.startsWith(`${entry}/`));
  generate('tsconfig.json', editionTsconfig(need('tsconfig.json'), slugs, has));
  const exercises: EditionExercise[] = chosen.map(({ slug, title, summary, learnerFiles, tasks }) => ({ slug, title, summary, learnerFiles, tasks }));
  generate('README.md', fillTemplate(fs.readFileSync(README_TEMPLATE, 'utf8'), { EXERCISES: exerciseTable(exercises), FIRST: slugs[0]!, COMMIT: commit.slice(0, 12) }));

  const edition: Edition = { commit, exercises, files, leftOut: needed.folders.filter((reference) => withheld(`${reference.target}/`) !== undefined) };
  checkEdition(edition, tree);
  return edition;
}

/** The specs of `slugs`, in catalog order; an unknown slug or a draft is a ChoiceError naming the shipped ones. */
function pick(catalog: readonly ExerciseSpec[], shipped: readonly ExerciseSpec[], slugs: readonly string[]): ExerciseSpec[] {
  const names = shipped.map((spec) => spec.slug).join(', ');
  for (const slug of slugs) {
    const spec = catalog.find((s) => s.slug === slug);
    if (spec === undefined) throw new ChoiceError(`no exercise "${slug}"; exercises: ${names}`);
    if (!shipped.includes(spec)) throw new ChoiceError(`"${slug}" is a draft, still being written; an edition takes shipped exercises: ${names}`);
  }
  return shipped.filter((spec) => slugs.includes(spec.slug));
}

/**
 * Checks an edition against the commit's tree: no path that never ships, and no file holding a distinctive line
 * of the reference (`solutions/`, against every committed exercise file). Throws an EditionError listing them.
 */
export function checkEdition(edition: Edition, tree: Tree): void {
  const secret = [...edition.files.keys()].filter((file) => withheld(file) !== undefined && edition.files.get(file)!.origin === 'committed');
  const textOf = (prefix: string): Map<string, string> => new Map([...tree.files].filter((file) => file.startsWith(prefix)).map((file) => [file, tree.read(file)]));
  const distinctive = distinctiveLines(textOf('solutions/'), textOf('exercises/'), SHARED_LINES.map((shared) => shared.line));
  const leaks = findLeaks(new Map([...edition.files].map(([file, { data }]) => [file, data.toString('utf8')])), distinctive);
  if (secret.length === 0 && leaks.length === 0) return;
  throw new EditionError(
    [
      'edition: refusing to write an edition that reveals the reference (a line shared on purpose goes in grading/edition/shared-lines.ts, with why):',
      ...secret.map((file) => `  ${file}: ${withheld(file)}`),
      ...leaks.slice(0, 20).map((leak) => `  ${describeLeak(leak)}`),
      ...(leaks.length > 20 ? [`  … and ${leaks.length - 20} more lines`] : []),
    ].join('\n'),
  );
}

/**
 * Adds a generated file to a planned edition (a `.github/workflows/classroom.yml`, say), before `writeEdition`.
 * Throws when the edition has the path already, or the path is not a plain relative one.
 */
export function addGenerated(edition: Edition, file: string, text: string, mode = 0o644): void {
  if (path.posix.isAbsolute(file) || path.posix.normalize(file) !== file || file.startsWith('..')) throw new EditionError(`edition: ${file} is not a plain path inside the edition`);
  if (edition.files.has(file)) throw new EditionError(`edition: ${file} is in the edition already`);
  edition.files.set(file, { data: Buffer.from(text), mode, origin: 'generated' });
}

/** True when `dir` exists and holds anything: an edition is written only into a new or empty folder. */
export const isOccupied = (dir: string): boolean => fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0);

/** Writes the edition into `out`, which must be new or empty. Returns its files and bytes. */
export function writeEdition(edition: Edition, out: string): { files: number; bytes: number } {
  if (isOccupied(out)) throw new EditionError(`edition: ${out} exists and is not empty; name a new or empty folder`);
  let bytes = 0;
  for (const [file, { data, mode }] of edition.files) {
    const to = path.join(out, ...file.split('/'));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, data, { mode });
    bytes += data.length;
  }
  return { files: edition.files.size, bytes };
}

/** Files and bytes per top-level folder (files at the top under `(top)`), and per folder one level below. */
export function contents(edition: Edition): { folder: string; files: number; bytes: number }[] {
  const rows = new Map<string, { files: number; bytes: number }>();
  const count = (folder: string, size: number): void => {
    const row = rows.get(folder) ?? { files: 0, bytes: 0 };
    rows.set(folder, { files: row.files + 1, bytes: row.bytes + size });
  };
  for (const [file, { data }] of edition.files) {
    const parts = file.split('/');
    count(parts.length === 1 ? '(top)' : `${parts[0]}/`, data.length);
    if (parts.length > 2) count(`${parts[0]}/${parts[1]}/`, data.length);
  }
  return [...rows].map(([folder, row]) => ({ folder, ...row })).sort((a, b) => (a.folder === '(top)' ? -1 : b.folder === '(top)' ? 1 : a.folder.localeCompare(b.folder)));
}
