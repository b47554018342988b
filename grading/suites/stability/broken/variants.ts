/**
 * Our known-wrong stability patterns implementations, and the graded tests
 * each one must fail. Each is `<name>.patch` beside this file: what the
 * mistake is and where it shipped, its clause ids, then a diff over the
 * reference solution (solutions/stability/) that makes it
 * (grading/variants/patch.ts). `npm run variant -- stability <name>` prints
 * the whole file a learner would have written.
 *
 * TODO(draft) at least twelve classic mistakes, each traced to a real
 * source. A new one: its entry here; then solutions/stability/stability.ts copied
 * to /tmp/v/exercises/stability/, the mistake made and its story told in the
 * file's opening doc comment; then `npm run variant -- stability <name> --save /tmp/v`.
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
    clauses: ['SP-1.1'],
  },
];
