/**
 * The stubs as shipped: what `npm run reset` puts back, and how `npm run next`
 * knows, without grading, that a learner has not touched an exercise.
 *
 * Where they come from. A learner commits their own work in their clone, so
 * neither the working tree nor HEAD is the stub; and a second copy of every
 * stub kept in the repository would have to be kept equal to the first by
 * hand. Instead grading/stubs.json pins each learner file's stub by its git
 * blob id (the SHA-1 git names a file's contents by), and the contents are read
 * from the clone's own object store, `git cat-file blob <id>`:
 * - it works offline in any clone, fork or GitHub Classroom copy of the
 *   repository, shallow or not: the stub was committed with the exercise, and a
 *   copy with new history still holds the same contents, so the same blob;
 * - it cannot drift: an id names exactly one content, which git checks as it
 *   reads it (and `stubOf` checks again), and grading/test/learner-commands.test.ts
 *   fails when a committed exercises/<slug>/ file is not its pinned stub, naming
 *   the id to record after a deliberate change (`git hash-object <file>`);
 * - nothing to refresh when a learner pulls a newer stub: the pin and the blob
 *   arrive in the same commit.
 * What it cannot do: a copy without git (a ZIP download), or a history
 * rewritten and pruned until the blob is gone. `stubOf` then throws a
 * StubError saying so, before anything is written. Drafts have no pin until
 * they ship.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExerciseSpec } from './catalog';
import { ROOT } from './paths';

/** Pinned stubs: exercise, then learner file, to git blob id. */
export type StubPins = Readonly<Record<string, Readonly<Record<string, string>>>>;

export const STUBS_FILE = path.join(ROOT, 'grading', 'stubs.json');

export class StubError extends Error {}

export const readPins = (): StubPins => JSON.parse(fs.readFileSync(STUBS_FILE, 'utf8')) as StubPins;

/** The id git gives these bytes as a blob (`git hash-object`, no filters): SHA-1 of `blob <size>\0` and the bytes. */
export const blobId = (bytes: Uint8Array): string => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/** The pinned blob id of one learner file's stub. */
export function stubId(spec: ExerciseSpec, file: string, pins: StubPins = readPins()): string {
  const id = pins[spec.slug]?.[file];
  if (id === undefined) throw new StubError(`no stub recorded for exercises/${spec.slug}/${file} in grading/stubs.json${spec.draft ? ` (${spec.slug} is a draft)` : ''}`);
  return id;
}

/** The stub of one learner file, byte for byte as shipped, from the clone's git objects. */
export function stubOf(spec: ExerciseSpec, file: string, pins: StubPins = readPins()): Buffer {
  const id = stubId(spec, file, pins);
  const git = spawnSync('git', ['-C', ROOT, 'cat-file', 'blob', id], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  if (git.error !== undefined || git.status !== 0 || blobId(git.stdout) !== id) {
    const why = git.error !== undefined ? `git could not run (${git.error.message})` : git.status !== 0 ? git.stderr.toString('utf8').trim().split('\n')[0] || `git exited ${git.status}` : 'git returned other contents';
    throw new StubError(
      `the stub of exercises/${spec.slug}/${file} (git blob ${id}) is not in this checkout's git objects: ${why}. ` +
        `It needs a git clone of the repository (not a ZIP download) whose history still holds the exercise as shipped; ` +
        `git fetch from the repository you cloned brings it back.`,
    );
  }
  return git.stdout;
}

/**
 * True when every learner file of the exercise under `implRoot` is its stub
 * byte for byte: the learner has not started. False as soon as one differs or
 * is missing; so is a file git would check out with other line endings.
 */
export function isUntouched(spec: ExerciseSpec, implRoot: string, pins: StubPins = readPins()): boolean {
  return spec.learnerFiles.every((file) => {
    const id = pins[spec.slug]?.[file];
    if (id === undefined) return false;
    try {
      return blobId(fs.readFileSync(path.join(implRoot, spec.slug, file))) === id;
    } catch {
      return false;
    }
  });
}
