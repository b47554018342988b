/**
 * What never leaves the maintainers' repository, and the committed files a
 * shipped copy is taken from.
 *
 * Two copies of faultline leave it: the learner edition (`npm run edition`,
 * grading/edition.ts), which students clone, and the Gradescope autograder zip
 * (grading/gradescope/make-zip.sh), which runs beside students' code. Both
 * take files from one commit (HEAD by default), never from the work tree, so
 * an uncommitted edit never ships; and neither takes a path `withheld` names.
 * They differ only in what else they leave out: the zip takes every other
 * committed file (it grades, so it needs the grader and every hidden suite),
 * the edition only what the learner's commands load for the chosen exercises.
 *
 *   npx tsx grading/shipping.ts gradescope [--rev REV]
 *       the zip's files, one per line
 *   npx tsx grading/shipping.ts gradescope [--rev REV] --into DIR [--suite SUITE]
 *       writes them into DIR (new or empty), and SUITE, a private suite, as DIR/private-suite/ without
 *       its known-wrong variants; prints the commit they came from, and on stderr the shipped files
 *       the work tree has changed (they ship as committed)
 *   npx tsx grading/shipping.ts withheld [--rev REV]
 *       the committed files that never ship, each with why
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** One part of the repository that never ships, and why. */
export interface WithheldPart {
  /** The part as a reader names it: a folder (`solutions/`) or a pattern (`grading/suites/<slug>/broken/`). */
  readonly part: string;
  readonly why: string;
  /** True for a repository path (`/`-separated, relative to the top) inside this part. */
  readonly holds: (file: string) => boolean;
}

const folder = (name: string, why: string): WithheldPart => ({ part: `${name}/`, why, holds: (file) => file.startsWith(`${name}/`) });

/**
 * Every part of the repository that never leaves it. Only the first two reveal
 * the reference by their contents, but the others quote it, build it, run it or
 * test it, and none is needed to practise or to grade.
 */
export const WITHHELD: readonly WithheldPart[] = [
  folder('solutions', 'the reference implementations'),
  {
    part: 'grading/suites/<slug>/broken/',
    why: 'the known-wrong variants: each is the reference with one mistake',
    holds: (file) => /^grading\/suites\/[^/]+\/broken\//.test(file),
  },
  folder('grading/mutation', "Stryker's allow-lists, which quote the reference line by line"),
  folder('grading/variants', 'builds the known-wrong variants from patches of the reference'),
  folder('grading/redteam', 'the red teams\' briefs and tools, which grade variants against the reference'),
  folder('grading/bench', 'benchmarks, which run the reference'),
  folder('grading/test', "the grader's own tests, which load the reference and the variants"),
  folder('harness/test', "the harness's own tests"),
  folder('private-suite', "an instructor's private suite committed in their copy; the zip takes one only through --suite"),
  { part: 'grading/.suite-*/', why: 'a private suite the grader staged', holds: (file) => /^grading\/\.suite-[^/]*\//.test(file) },
  folder('.ci', "the maintainers' CI"),
  folder('.github', "the maintainers' workflows"),
];

/** Why `file` (a repository path) never ships, or undefined when it may. */
export function withheld(file: string): string | undefined {
  const part = WITHHELD.find((p) => p.holds(file));
  return part === undefined ? undefined : `${part.part}: ${part.why}`;
}

/** Thrown when git cannot list or read the commit asked for. */
export class CommitError extends Error {}

function git(repo: string, args: readonly string[], input?: Buffer): Buffer {
  const run = spawnSync('git', ['-C', repo, ...args], { input, maxBuffer: 1 << 30 });
  if (run.error !== undefined) throw new CommitError(`git could not run (${run.error.message}); install git, or run this in a git checkout`);
  if (run.status !== 0) {
    const why = run.stderr.toString('utf8').trim().split('\n')[0] ?? `git exited ${run.status}`;
    throw new CommitError(`git ${args[0]} failed in ${repo}: ${why}`);
  }
  return run.stdout;
}

/** A committed file: its path, its git mode (`100644`, `100755`, `120000` for a link) and its blob id. */
export interface CommittedFile {
  readonly path: string;
  readonly mode: string;
  readonly blob: string;
}

/** Every file of commit `rev` (default HEAD) in `repo`, in git's order. Submodules are left out. */
export function committedFiles(repo: string, rev = 'HEAD'): CommittedFile[] {
  const out = git(repo, ['ls-tree', '-r', '-z', '--full-tree', rev]).toString('utf8');
  return out
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, blob] = line.slice(0, tab).split(' ') as [string, string, string];
      return { path: line.slice(tab + 1), mode, blob, type };
    })
    .filter((entry) => entry.type === 'blob')
    .map(({ path: file, mode, blob }) => ({ path: file, mode, blob }));
}

/** The contents of the given blobs, by id, read in one `git cat-file --batch`. */
export function readBlobs(repo: string, blobs: readonly string[]): Map<string, Buffer> {
  const unique = [...new Set(blobs)];
  const out = git(repo, ['cat-file', '--batch'], Buffer.from(unique.map((id) => `${id}\n`).join('')));
  const contents = new Map<string, Buffer>();
  let at = 0;
  for (const id of unique) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    if (header[1] !== 'blob') throw new CommitError(`git has no blob ${id} in ${repo}`);
    const size = Number(header[2]);
    contents.set(id, out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return contents;
}

/** The files the Gradescope zip takes from commit `rev`: every committed file that is not withheld. */
export const gradescopeFiles = (repo: string, rev = 'HEAD'): CommittedFile[] => committedFiles(repo, rev).filter((file) => withheld(file.path) === undefined);

/**
 * Writes committed files into `into` as the commit holds them: their bytes, the executable bit of a `100755`
 * file, and a symbolic link as a link. Returns the bytes written.
 */
export function writeCommitted(repo: string, files: readonly CommittedFile[], into: string): number {
  const contents = readBlobs(repo, files.map((file) => file.blob));
  let bytes = 0;
  for (const file of files) {
    const to = path.join(into, ...file.path.split('/'));
    const data = contents.get(file.blob)!;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (file.mode === '120000') fs.symlinkSync(data.toString('utf8'), to);
    else fs.writeFileSync(to, data, { mode: file.mode === '100755' ? 0o755 : 0o644 });
    bytes += data.length;
  }
  return bytes;
}

/**
 * Copies a private suite (`<slug>/*.test.ts` and helpers) into `into`, less what the rule withholds of a suite
 * (its `<slug>/broken/`), dot-files and node_modules, and symbolic links (only regular files are copied).
 * Returns the files copied, relative to `into`.
 */
export function copySuite(suite: string, into: string): string[] {
  const copied: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(suite, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      // A suite lies where grading/suites does: the same rule keeps its variants out.
      if (withheld(`grading/suites/${child}${entry.isDirectory() ? '/' : ''}`) !== undefined) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) {
        fs.mkdirSync(path.join(into, rel), { recursive: true });
        fs.copyFileSync(path.join(suite, child), path.join(into, child));
        copied.push(child);
      }
    }
  };
  walk('');
  return copied;
}

/**
 * The files of `repo`'s work tree that differ from HEAD or are not committed, git's ignore rules applied, that
 * would ship if they were committed: what a copy from HEAD leaves as committed, or out.
 */
export function uncommitted(repo: string): string[] {
  const out = git(repo, ['status', '--porcelain', '-z', '--untracked-files=all']).toString('utf8').split('\0');
  const files: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const entry = out[i]!;
    if (entry.length < 4) continue;
    files.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') i++; // a rename's source path follows
  }
  return files.filter((file) => withheld(file) === undefined);
}

const USAGE = 'usage: npx tsx grading/shipping.ts gradescope|withheld [--rev REV] [--into DIR [--suite SUITE]]';

function main(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { rev: { type: 'string' }, into: { type: 'string' }, suite: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${USAGE}\nshipping: ${(error as Error).message.split('. ')[0]}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(
      `${USAGE}\n  gradescope     the committed files the Gradescope zip takes, one per line\n  withheld       the committed files that never ship, each with why\n  --rev REV      the commit to take them from (default HEAD)\n  --into DIR     write the zip's files into DIR instead, and print the commit\n  --suite SUITE  with --into: copy a private suite in as DIR/private-suite/, without its broken/ folders\n`,
    );
    return 0;
  }
  const [what, ...rest] = parsed.positionals;
  if ((what !== 'gradescope' && what !== 'withheld') || rest.length > 0) {
    process.stderr.write(`${USAGE}\nshipping: expected one of gradescope, withheld; got "${parsed.positionals.join(' ')}"\n`);
    return 2;
  }
  const { rev = 'HEAD', into, suite } = parsed.values;
  if (into !== undefined && what !== 'gradescope') {
    process.stderr.write(`${USAGE}\nshipping: --into goes with gradescope only\n`);
    return 2;
  }
  if (suite !== undefined && (into === undefined || !fs.statSync(suite, { throwIfNoEntry: false })?.isDirectory())) {
    process.stderr.write(`${USAGE}\nshipping: ${into === undefined ? '--suite goes with --into' : `--suite ${suite} is not a folder`}\n`);
    return 2;
  }
  if (into !== undefined && fs.existsSync(into) && fs.readdirSync(into).length > 0) {
    process.stderr.write(`${USAGE}\nshipping: --into ${into} exists and is not empty; name a new or empty folder\n`);
    return 2;
  }
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    if (what === 'withheld') {
      const lines = committedFiles(repo, rev).flatMap((file) => {
        const why = withheld(file.path);
        return why === undefined ? [] : [`${file.path}\t${why}\n`];
      });
      process.stdout.write(lines.join(''));
    } else if (into === undefined) {
      process.stdout.write(gradescopeFiles(repo, rev).map((file) => `${file.path}\n`).join(''));
    } else {
      const commit = git(repo, ['rev-parse', '--verify', `${rev}^{commit}`]).toString('utf8').trim();
      writeCommitted(repo, gradescopeFiles(repo, commit), into);
      if (suite !== undefined) copySuite(suite, path.join(into, 'private-suite'));
      const changed = rev === 'HEAD' ? uncommitted(repo) : [];
      if (changed.length > 0) {
        const shown = changed.slice(0, 8).join(', ') + (changed.length > 8 ? `, … (${changed.length} in all)` : '');
        process.stderr.write(`shipping: taken from commit ${commit.slice(0, 12)}; not as in the work tree, which differs in ${shown}\n`);
      }
      process.stdout.write(`${commit}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CommitError)) throw error;
    process.stderr.write(`shipping: ${error.message}\n`);
    return 2;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
