/**
 * A submission's learner files: where they are, what their bytes hash to, and
 * which git commit the folder holds. `grade --submission`, `grade --batch`
 * (each student is a child `--submission`) and the Gradescope autograder all
 * find files by this one rule.
 *
 * For each learner file `<file>` of an exercise `<slug>` (grading/catalog.ts),
 * the first of these that is a regular file of at most 5 MiB, reached through
 * no symbolic link, is taken:
 *
 *   1. `exercises/<slug>/<file>`, as in the repository;
 *   2. `<slug>/<file>`;
 *   3. `<file>` at the top of the submission;
 *   4. the one `<file>` anywhere else, at most 8 folders deep, preferring one
 *      whose path ends in `exercises/<slug>/<file>` (a repository uploaded inside
 *      a folder), then one in a folder named `<slug>`; when several are equally
 *      preferred, none is taken.
 *
 * node_modules/ and .git/ are never searched, nor more than 20 000 entries.
 * When a learner file is not found the exercise is `missing` (not graded at
 * all), and `MissingFile.found` says what the submission held instead.
 *
 * Only the bytes of a file are taken (opened without following a link); the
 * grader takes everything else from its own checkout.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import type { ExerciseSpec } from './catalog';
import type { MissingFile, Provenance, SubmittedFiles, TakenFile } from './model';

export const MAX_DEPTH = 8;
/** A learner file larger than this is no source file anyone wrote by hand: it is not taken. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ENTRIES = 20_000;
const SKIP = new Set(['node_modules', '.git']);

/** Where a learner file belongs in a submission: `exercises/<slug>/<file>`. */
export const expectedPath = (slug: string, file: string): string => `exercises/${slug}/${file}`;

/** The places rule 1–4 look, in a sentence. */
export const whereLooked = (slug: string, file: string): string =>
  `looked for ${expectedPath(slug, file)}, ${slug}/${file}, ${file}, then any ${file} up to ${MAX_DEPTH} folders deep (not in node_modules/ or .git/, not through symbolic links)`;

/** One exercise of a submission: the files taken (with their bytes), or what is missing. */
export interface TakenExercise {
  readonly slug: string;
  readonly submitted: SubmittedFiles;
  /** The bytes of each file taken, by learner file name. */
  readonly contents: ReadonlyMap<string, Buffer>;
}

type Kind = 'file' | 'directory' | 'symlink' | 'other' | 'absent';
interface Entry {
  readonly rel: string;
  readonly name: string;
  readonly kind: Kind;
}
interface Listing {
  readonly entries: readonly Entry[];
  /** The walk stopped at MAX_ENTRIES. */
  readonly truncated: boolean;
  /** Some folder was deeper than MAX_DEPTH and not searched. */
  readonly tooDeep: boolean;
}

const byName = (a: fs.Dirent, b: fs.Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const kindOf = (stat: fs.Stats | fs.Dirent): Kind => (stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other');

/** Every entry under `root` within the depth and entry bounds, `/`-separated and relative to it, in name order. */
function list(root: string): Listing {
  const entries: Entry[] = [];
  let truncated = false;
  let tooDeep = false;
  const walk = (dir: string, depth: number): void => {
    let dirents: fs.Dirent[];
    try {
      dirents = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const dirent of dirents.sort(byName)) {
      if (entries.length >= MAX_ENTRIES) {
        truncated = true;
        return;
      }
      const rel = dir === '' ? dirent.name : `${dir}/${dirent.name}`;
      const kind = kindOf(dirent);
      entries.push({ rel, name: dirent.name, kind });
      if (kind !== 'directory' || SKIP.has(dirent.name)) continue;
      if (depth + 1 > MAX_DEPTH) tooDeep = true;
      else walk(rel, depth + 1);
    }
  };
  walk('', 0);
  return { entries, truncated, tooDeep };
}

/** What `root/rel` is, looked at without following links: a file's size, or its kind; `symlink` also when a folder on the way is one. */
function inspect(root: string, rel: string): { kind: Kind; size: number } {
  const parts = rel.split('/');
  try {
    for (let i = 1; i < parts.length; i++) {
      const kind = kindOf(fs.lstatSync(path.join(root, ...parts.slice(0, i))));
      if (kind !== 'directory') return { kind: kind === 'symlink' ? 'symlink' : 'absent', size: 0 };
    }
    const stat = fs.lstatSync(path.join(root, rel));
    return { kind: kindOf(stat), size: stat.size };
  } catch {
    return { kind: 'absent', size: 0 };
  }
}

const acceptable = (found: { kind: Kind; size: number }): boolean => found.kind === 'file' && found.size <= MAX_FILE_BYTES;

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** A short list of paths: the first few, then how many more. */
const some = (paths: readonly string[], most = 4): string => (paths.length <= most ? paths.join(', ') : `${paths.slice(0, most).join(', ')} and ${paths.length - most} more`);

/** Letters and digits only, lowercase: `Bloom_Filter.TS` and `bloom-filter.ts` compare alike. */
const squeeze = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A file a learner may have meant: the same stem however spelt or suffixed (`BloomFilter.ts`, `bloom-filter.js`), never a test file. */
function similar(name: string, file: string): boolean {
  if (name === file || /\.(test|spec)\.[cm]?[jt]sx?$/.test(name)) return false;
  return squeeze(name).startsWith(squeeze(file.replace(/\.[^.]+$/, '')));
}

/** What the submission held instead of `file`, as one clause for MissingFile.found. */
function foundInstead(root: string, slug: string, file: string, listing: Listing, tied: readonly string[]): string {
  const parts: string[] = [];
  if (tied.length > 1) parts.push(`${tied.length} candidates, ${some(tied)}, so none was taken`);
  for (const entry of listing.entries.filter((e) => e.name === file)) {
    const { kind, size } = inspect(root, entry.rel);
    if (kind === 'directory') parts.push(`${entry.rel} is a directory where the file should be`);
    else if (kind === 'symlink') parts.push(`${entry.rel} is a symbolic link, which the grader does not follow`);
    else if (kind === 'file' && size > MAX_FILE_BYTES) parts.push(`${entry.rel} is ${mib(size)}, over the ${mib(MAX_FILE_BYTES)} limit`);
    else if (kind === 'other') parts.push(`${entry.rel} is not a regular file`);
  }
  const alike = listing.entries.filter((e) => e.kind === 'file' && similar(e.name, file)).map((e) => e.rel);
  if (alike.length > 0) parts.push(`a similar name: ${some(alike)}`);
  if (parts.length === 0) {
    const files = listing.entries.filter((e) => e.kind === 'file');
    const folder = listing.entries.find((e) => e.kind === 'directory' && e.name === slug);
    if (listing.entries.length === 0) parts.push('the submission is empty');
    else if (folder !== undefined) {
      const inside = listing.entries.filter((e) => path.posix.dirname(e.rel) === folder.rel).map((e) => e.name);
      parts.push(`no file of that name; ${folder.rel}/ holds ${inside.length === 0 ? 'nothing' : some(inside, 6)}`);
    } else parts.push(`no file of that name among the ${files.length} file(s) searched`);
  }
  if (listing.truncated) parts.push(`the search stopped after ${MAX_ENTRIES} entries`);
  if (listing.tooDeep) parts.push(`folders more than ${MAX_DEPTH} deep were not searched`);
  return parts.join('; ');
}

/** Where `file` of exercise `slug` is in `root`, by rules 1–4; or what was found instead. */
function place(root: string, slug: string, file: string, listing: () => Listing): { from: string } | MissingFile {
  const expected = expectedPath(slug, file);
  const direct = [expected, `${slug}/${file}`, file];
  for (const rel of direct) if (acceptable(inspect(root, rel))) return { from: rel };
  const candidates = listing()
    .entries.filter((e) => e.kind === 'file' && e.name === file && !direct.includes(e.rel) && acceptable(inspect(root, e.rel)))
    .map((e) => e.rel);
  const rank = (rel: string): number => (rel.endsWith(`/${expected}`) ? 0 : path.posix.basename(path.posix.dirname(rel)) === slug ? 1 : 2);
  const best = Math.min(...candidates.map(rank));
  const tied = candidates.filter((rel) => rank(rel) === best);
  if (tied.length === 1) return { from: tied[0]! };
  return { file, expected, found: foundInstead(root, slug, file, listing(), tied) };
}

/** Reads a regular file's bytes without following a link at its last step; undefined when it is not one or too large. */
function readRegular(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** Finds and reads the learner files of `specs` in the submission folder `root`, by the rule above. */
export function takeSubmission(root: string, specs: readonly ExerciseSpec[]): TakenExercise[] {
  let listing: Listing | undefined;
  const lazy = () => (listing ??= list(root));
  return specs.map((spec) => {
    const files: TakenFile[] = [];
    const missing: MissingFile[] = [];
    const contents = new Map<string, Buffer>();
    for (const file of spec.learnerFiles) {
      const placed = place(root, spec.slug, file, lazy);
      if (!('from' in placed)) {
        missing.push(placed);
        continue;
      }
      const bytes = readRegular(path.join(root, placed.from));
      if (bytes === undefined) {
        missing.push({ file, expected: expectedPath(spec.slug, file), found: `${placed.from} could not be read as a regular file` });
        continue;
      }
      files.push({ file, from: placed.from, sha256: sha256(bytes) });
      contents.set(file, bytes);
    }
    return { slug: spec.slug, submitted: { status: missing.length === 0 ? 'taken' : 'missing', files, missing }, contents };
  });
}

/** One sentence for a missing learner file: what is missing, what was there instead, where the grader looked, what to do. */
export const missingMessage = (slug: string, missing: MissingFile): string =>
  `${missing.expected} not found: ${missing.found}. The grader ${whereLooked(slug, missing.file)}. Put the file at ${missing.expected} and submit again.`;

/**
 * A note for a file taken from somewhere other than `exercises/<slug>/<file>`
 * (undefined when it was there): `bloom-filter.ts taken from x/exercises/bloom-filter/bloom-filter.ts:
 * the repository is one folder too deep, under x/`.
 */
export function placementNote(slug: string, taken: TakenFile): string | undefined {
  const expected = expectedPath(slug, taken.file);
  if (taken.from === expected) return undefined;
  if (taken.from.endsWith(`/${expected}`)) {
    const above = taken.from.slice(0, -expected.length);
    const depth = above.split('/').length - 1;
    return `${taken.file} taken from ${taken.from}: the repository is ${depth === 1 ? 'one folder' : `${depth} folders`} too deep, under ${above}`;
  }
  if (taken.from === `${slug}/${taken.file}` || taken.from === taken.file) return `${taken.file} taken from ${taken.from}`;
  return `${taken.file} taken from ${taken.from}, found by searching the submission`;
}

/** The combined hash of Provenance.sha256: SHA-256 of `<sha256>  exercises/<slug>/<file>\n` for every file taken, in order. */
export function combinedHash(exercises: readonly { readonly slug: string; readonly submitted: SubmittedFiles }[]): string {
  return sha256(exercises.flatMap((e) => e.submitted.files.map((f) => `${f.sha256}  ${expectedPath(e.slug, f.file)}\n`)).join(''));
}

/** The id git gives these bytes as a blob: `<algorithm>("blob <size>\0" bytes)`, SHA-1 or SHA-256 as the repository uses. */
const gitBlobId = (bytes: Uint8Array, algorithm: 'sha1' | 'sha256'): string => createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/**
 * git in a folder nobody vouches for: no system or global configuration, the
 * folder trusted whoever owns it (`safe.directory`), and its own configuration
 * unable to run anything: no fsmonitor, no hooks, no transport (a partial
 * clone's lazy fetch), no prompt; never a repository above the folder.
 */
function git(dir: string, args: readonly string[]): { ok: true; stdout: string } | { ok: false; why: string } {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return { ok: false, why: 'the folder cannot be read' };
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CEILING_DIRECTORIES: path.dirname(real),
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_LITERAL_PATHSPECS: '1',
    LC_ALL: 'C',
  };
  const guard = ['-c', `safe.directory=${real}`, '-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'protocol.allow=never'];
  const run = spawnSync('git', [...guard, '-C', real, ...args], { env, encoding: 'utf8', timeout: 10_000, maxBuffer: 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.error !== undefined) return { ok: false, why: (run.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : `git did not finish (${run.error.message})` };
  if (run.status !== 0) return { ok: false, why: run.stderr.trim().split('\n')[0] || `git exited ${run.status}` };
  return { ok: true, stdout: run.stdout };
}

/**
 * The commit the folder `dir` holds, and which taken files differ from it
 * (their bytes against the committed blob at the same path: no work-tree scan,
 * no filters run). "not a git checkout" when git finds no repository there.
 */
export function gitProvenance(dir: string, taken: readonly { readonly from: string; readonly bytes: Uint8Array }[]): Pick<Provenance, 'commit' | 'commitNote' | 'uncommitted'> {
  const head = git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head.ok) {
    const unborn = git(dir, ['rev-parse', '--git-dir']).ok;
    return { commit: null, commitNote: unborn ? 'a git repository without a commit' : 'not a git checkout' };
  }
  const commit = head.stdout.trim();
  if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(commit)) return { commit: null, commitNote: 'not a git checkout (git printed no commit id)' };
  if (taken.length === 0) return { commit, uncommitted: [] };
  const tree = git(dir, ['ls-tree', '-z', '--full-tree', commit, '--', ...taken.map((t) => t.from)]);
  if (!tree.ok) return { commit };
  const committed = new Map<string, string>();
  for (const line of tree.stdout.split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (match) committed.set(match[2]!, match[1]!);
  }
  const algorithm = commit.length === 64 ? 'sha256' : 'sha1';
  return { commit, uncommitted: taken.filter((t) => committed.get(t.from) !== gitBlobId(t.bytes, algorithm)).map((t) => t.from) };
}

const requireCjs = createRequire(import.meta.url);
let typescript: typeof TS | undefined;

/**
 * TypeScript source with its comments and whitespace taken out: its tokens, as
 * the TypeScript parser reads them, one space apart. Strings, template text and
 * regular expressions stay as written, so `'// x'` is not a comment. Two files
 * normalise alike exactly when they differ only in comments and whitespace.
 */
export function normalise(text: string): string {
  const ts = (typescript ??= requireCjs('typescript') as typeof TS);
  const source = ts.createSourceFile('submission.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const tokens: string[] = [];
  const visit = (node: TS.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(source);
    if (children.length === 0) {
      const text = node.getText(source);
      if (text !== '') tokens.push(text); // an empty list, or the end of the file
      return;
    }
    for (const child of children) visit(child);
  };
  visit(source);
  return tokens.join(' ');
}

/** One hash of an exercise's learner files after `normalise`: equal for two submissions that differ only in comments and whitespace. */
export function normalisedHash(files: readonly { readonly file: string; readonly text: string }[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) hash.update(`${file}\0${normalise(text)}\0`);
  return hash.digest('hex');
}
