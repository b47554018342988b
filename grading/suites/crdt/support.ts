/**
 * What the CRDT suite shares: the learner's modules, loaded safely; the
 * replica ids and elements a real system would not choose, on purpose; and
 * the assertions every file uses. The oracle is model.ts.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';
import type { OrSetState } from '../../../exercises/crdt/types';
import { canonSet, shapeProblem, showSet } from './model';

export type CountersModule = typeof import('@impl/crdt/counters');
export type RegisterModule = typeof import('@impl/crdt/lww-register');
export type SetModule = typeof import('@impl/crdt/or-set');
export type GossipModule = typeof import('@impl/crdt/gossip');
export type OrSetLike = InstanceType<SetModule['OrSet']>;
export type GossipNodeLike = InstanceType<GossipModule['GossipNode']>;

const spec = exerciseSpec('crdt');
export const countersSuite = () => gradedSuite<CountersModule>(spec, () => import('@impl/crdt/counters'));
export const registerSuite = () => gradedSuite<RegisterModule>(spec, () => import('@impl/crdt/lww-register'));
export const setSuite = () => gradedSuite<SetModule>(spec, () => import('@impl/crdt/or-set'));
export const gossipSuite = () => gradedSuite<GossipModule>(spec, () => import('@impl/crdt/gossip'));

/** Replica ids: "" and names a plain object used as a map gets wrong, beside ordinary ones; sorted they are not in insertion order. */
export const REPLICAS = ['b', '', '__proto__', 'a', 'constructor', 'é', 'e\u0301', 'a1', 'zz', 'B'] as const;
/** Set elements, likewise. */
export const ELEMENTS = ['x', '', '__proto__', 'constructor', 'y', 'toString', '🙂'] as const;

/** 1 to `max` distinct replica ids, in a random order. */
export const replicasArb = (min: number, max: number) => fc.shuffledSubarray([...REPLICAS], { minLength: min, maxLength: max });

/** Asserts that a state handed out is well-formed and compact, and equal to the model's. */
export function expectSetState(actual: OrSetState, expected: OrSetState, what: string): void {
  const problem = shapeProblem(actual, true);
  if (problem !== undefined) expect.fail(`${what}: the state is not well-formed and compact: ${problem}\n  got ${safeShow(actual)}`);
  if (canonSet(actual) !== canonSet(expected)) expect.fail(`${what}:\n  got      ${showSet(actual)}\n  expected ${showSet(expected)}`);
}

export function safeShow(state: OrSetState): string {
  try {
    return showSet(state);
  } catch {
    return '(a state that cannot be shown)';
  }
}

export const sortedValue = (value: ReadonlySet<string>): string[] => [...value].sort();

/** A Map whose keys come out in the reverse order, and arrays reversed: the same state written by another hand. */
export function reordered(state: OrSetState): OrSetState {
  return {
    entries: new Map([...state.entries].reverse().map(([e, dots]) => [e, [...dots].reverse().map((d) => ({ replica: d.replica, counter: d.counter }))])),
    context: { vv: new Map([...state.context.vv].reverse()), cloud: [...state.context.cloud].reverse().map((d) => ({ ...d })) },
  };
}
