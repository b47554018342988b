/**
 * The whole learner edition, planned from HEAD as `npm run edition` plans it,
 * with nothing written: it must hold no file that never ships and no
 * distinctive line of any reference. edition.test.ts (in the grader project)
 * builds and installs an edition of two exercises; this is the cheap check of
 * every exercise at once, so that a hidden suite whose oracle copies a line of
 * its reference fails `npm test`, not a learner's `npm run edition`. It reads
 * committed files, as the command does: commit before trusting it locally.
 */
import { expect, test } from 'vitest';
import { planEdition } from '../edition/build';
import { ROOT } from '../paths';

test('an edition of every exercise, planned from HEAD, holds no withheld file and no line of a reference', async () => {
  // planEdition throws an EditionError listing every withheld file and every reference line it would ship.
  const edition = await planEdition({ repo: ROOT });
  expect(edition.exercises.length).toBeGreaterThan(0);
  expect([...edition.files.keys()].some((file) => file.startsWith('solutions/'))).toBe(false);
}, 60_000);
