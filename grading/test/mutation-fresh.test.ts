/**
 * The cheap half of the mutation gate, in `npm test`: every exercise's
 * committed mutation report (grading/mutation/incremental/<slug>.json) was
 * made from exactly the checkout's inputs (grading/mutation/inputs.ts). A
 * change to a reference, a suite or the harness without a new run fails here
 * at once, naming the command that makes one. StrykerJS confirming the
 * verdicts themselves (grading/test/mutation.test.ts) is `npm run
 * test:mutation`, which CI runs after `npm test`.
 */
import { describe, expect, test } from 'vitest';
import { CI_EXERCISES } from '../mutation/gate';
import { readCommitted } from '../mutation/incremental';
import { compareInputs, describeChanges, readInputs } from '../mutation/inputs';

describe('committed mutation reports', () => {
  for (const slug of CI_EXERCISES) {
    test(`the ${slug} mutation report was made from this checkout's inputs`, () => {
      const committed = readCommitted(slug);
      const freshness = compareInputs(slug, committed?.inputs, readInputs(slug));
      const why = committed === undefined ? ['there is no committed report'] : describeChanges(freshness.changes);
      expect(freshness.rerun, `the ${slug} mutation report is stale; run \`npm run mutation -- ${slug}\` and commit what it writes:\n  ${why.join('\n  ')}`).toBe('none');
    });
  }
});
