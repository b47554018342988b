/**
 * What the stability suite shares: the learner's modules, loaded safely.
 */
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';

export type BackoffModule = typeof import('@impl/stability/backoff');
export type RetrierModule = typeof import('@impl/stability/retrier');
export type BreakerModule = typeof import('@impl/stability/circuit-breaker');
export type ShedderModule = typeof import('@impl/stability/load-shedder');

const spec = exerciseSpec('stability');
export const backoffSuite = () => gradedSuite<BackoffModule>(spec, () => import('@impl/stability/backoff'));
export const retrierSuite = () => gradedSuite<RetrierModule>(spec, () => import('@impl/stability/retrier'));
export const breakerSuite = () => gradedSuite<BreakerModule>(spec, () => import('@impl/stability/circuit-breaker'));
export const shedderSuite = () => gradedSuite<ShedderModule>(spec, () => import('@impl/stability/load-shedder'));

export { HandClocks, ORIGINS, ScriptedRandom, WALL_JUMPS } from './clocks';
