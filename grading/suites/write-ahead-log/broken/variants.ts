/**
 * Our known-wrong write-ahead log implementations, and the graded tests
 * each one must fail. Each is `<name>.patch` beside this file: what the
 * mistake is and where it shipped, its clause ids, then a diff over the
 * reference solution (solutions/write-ahead-log/) that makes it
 * (grading/variants/patch.ts). `npm run variant -- write-ahead-log <name>` prints
 * the whole file a learner would have written.
 *
 * TODO(draft) at least twelve classic mistakes, each traced to a real
 * source. A new one: its entry here; then solutions/write-ahead-log/write-ahead-log.ts copied
 * to /tmp/v/exercises/write-ahead-log/, the mistake made and its story told in the
 * file's opening doc comment; then `npm run variant -- write-ahead-log <name> --save /tmp/v`.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {
  placeholder: 'placeholder returns its argument unchanged',
} as const;

export const variants: readonly BrokenVariant[] = [
  {
    name: 'placeholder-off-by-one',
    mistake: 'TODO(draft) a classic mistake; this one returns value + 1',
    mustFail: [graded.placeholder],
    clauses: ['WAL-1.1'],
  },
];
