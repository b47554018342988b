/**
 * What the quorum suite shares: the learner's modules, loaded safely; node
 * ids, keys and values a real system would not choose, on purpose; settings
 * across every size the contract allows; and a node driven by hand, whose
 * sends and replies the test reads call by call.
 */
import fc from 'fast-check';
import { Rng, SimStorage, type NodeContext, type NodeId, type Storage } from '../../../harness';
import { gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';
import type { ClientReply, QuorumConfig, QuorumMessage, Versioned } from '../../../exercises/quorum/types';

export type NodeModule = typeof import('@impl/quorum/quorum-node');
export type ReplicaModule = typeof import('@impl/quorum/replica');
export type QuorumNodeLike = InstanceType<NodeModule['QuorumNode']>;
export type ReplicaLike = InstanceType<ReplicaModule['Replica']>;

const spec = exerciseSpec('quorum');
export const nodeSuite = () => gradedSuite<NodeModule>(spec, () => import('@impl/quorum/quorum-node'));
export const replicaSuite = () => gradedSuite<ReplicaModule>(spec, () => import('@impl/quorum/replica'));

/** Node ids: "" and names a plain object used as a map gets wrong, beside ordinary ones. */
export const NODE_IDS = ['n1', '', '__proto__', 'constructor', 'é'] as const;
/** Keys, likewise. */
export const KEYS = ['k', '', '__proto__', 'constructor', '🙂'] as const;

/** A cluster of 1 to 5 nodes and settings the contract allows for it, both ends included. */
export const settingsArb = (sizes: fc.Arbitrary<number> = fc.integer({ min: 1, max: 5 })): fc.Arbitrary<{ nodes: NodeId[]; config: QuorumConfig }> =>
  sizes.chain((size) =>
    fc.integer({ min: 1, max: size }).chain((n) =>
      fc.record({
        nodes: fc.constant(NODE_IDS.slice(0, size) as NodeId[]),
        config: fc.record({
          n: fc.constant(n),
          r: fc.integer({ min: 1, max: n }),
          w: fc.integer({ min: 1, max: n }),
          writeBack: fc.boolean(),
          sloppy: fc.boolean(),
          timeoutTicks: fc.integer({ min: 1, max: 6 }),
        }),
      }),
    ),
  );

export interface Sent {
  readonly to: NodeId;
  readonly message: QuorumMessage;
}

/** A node's context driven by hand: what it sends and emits is kept, as copies it cannot reach. */
export function handContext(id: NodeId, peers: readonly NodeId[], sent: Sent[], emitted: ClientReply[], storage: Storage = new SimStorage()): NodeContext<QuorumMessage, ClientReply> {
  return {
    id,
    peers,
    rng: new Rng(11),
    clock: { now: () => 0 },
    monotonic: { now: () => 0 },
    storage,
    send: (to, message) => sent.push({ to, message: structuredClone(message) }),
    emit: (reply) => emitted.push(structuredClone(reply)),
  };
}

export const itemArb: fc.Arbitrary<Versioned> = fc.record({
  value: fc.oneof(fc.constantFrom('', '__proto__', 'v'), fc.string({ maxLength: 4 })),
  version: fc.record({ counter: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(Number.MAX_SAFE_INTEGER)), writer: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Number.MAX_SAFE_INTEGER)) }),
});

export const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};
