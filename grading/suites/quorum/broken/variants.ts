/**
 * Our known-wrong quorum replication implementations, and the graded tests
 * each one must fail. Each is `<name>.patch` beside this file: what the
 * mistake is and where it shipped, its clause ids, then a diff over the
 * reference solution (solutions/quorum/) that makes it
 * (grading/variants/patch.ts). `npm run variant -- quorum <name>` prints
 * the whole file a learner would have written.
 */
import type { BrokenVariant } from '../../../variants';

/** The graded tests named below, spelled exactly as in the suite. */
const graded = {} as const;

export const variants: readonly BrokenVariant[] = [];
void graded;
