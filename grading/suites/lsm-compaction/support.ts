/**
 * What the LSM compaction suites share: the learner's module loaded once per
 * file, and everything in tree.ts (the disk, the tree, the model, the checks).
 */
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';

export * from './tree';

/** One graded suite per test file; each loads the learner's module in its own beforeAll. */
export const lsmSuite = () => gradedSuite<typeof import('@impl/lsm-compaction')>(exerciseSpec('lsm-compaction'), () => import('@impl/lsm-compaction'));
