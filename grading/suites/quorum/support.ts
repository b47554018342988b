/**
 * What the quorum replication suite shares: the learner's module, loaded safely.
 *
 * TODO(draft) a dumb, obviously correct oracle of the contract (mini-lsm
 * checks against a BTreeMap), and arbitraries for every input the signatures
 * allow, both ends of every range included.
 */
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';

export type QuorumModule = typeof import('@impl/quorum');

/** One graded suite per test file; each loads the learner's module in its own beforeAll. */
export const quorumSuite = () => gradedSuite<QuorumModule>(exerciseSpec('quorum'), () => import('@impl/quorum'));
