/**
 * CRDTs, tasks 3 and 4 — your file. Keep the exports and their signatures;
 * the message type is yours to design.
 *
 * A gossip node replicates one add-wins OR-set (your OrSet) on the
 * simulator. Clients call `apply`; nodes exchange deltas, and now and then
 * whole states, because the network may lose, duplicate, reorder and delay
 * any message, and partitions and crashes come and go. The promise
 * [CRDT-3.5]: once the network heals and clients stop, every node ends with
 * the same state, the one the add-wins rule gives.
 *
 * Time: a node learns that time passed only through `tick()`; its
 * randomness, if it wants any, is `ctx.rng`. Its disk is `ctx.storage`,
 * where only what `sync` and `syncDirectory` made durable survives a crash
 * (README, "The disk").
 */
import { NotImplementedError, type NodeContext, type NodeId, type ProtocolNode } from '@faultline/harness';
import type { OrSetState, SetOp } from './types';
// Uncomment what you use:
// import { OrSet } from './or-set';
// import { FULL_STATE_EVERY } from './types';

/** What gossip nodes send each other: change it to what you need. */
export interface GossipMessage {
  readonly state: OrSetState;
}

/** Gossip nodes emit nothing: the suite reads value() and state(). */
export type GossipOutput = never;

export class GossipNode implements ProtocolNode<GossipMessage> {
  /**
   * [CRDT-3.1] Builds the node at start and again after every crash, with
   * `ctx.storage` holding what the last incarnation made durable.
   * [CRDT-4.1] A restarted node holds at least the effect of every `apply`
   * that returned before the crash. [CRDT-4.2] A node never mints a dot that
   * an `apply` which returned had minted, or that it was sent: not after a
   * crash either.
   */
  constructor(ctx: NodeContext<GossipMessage, GossipOutput>) {
    throw new NotImplementedError(`new GossipNode(${JSON.stringify(ctx.id)})`);
  }

  /**
   * [CRDT-3.1] Applies the operation to this node's set at once: `value()`
   * and `state()` show it when `apply` returns. [CRDT-4.1] It is durable
   * when `apply` returns.
   */
  apply(op: SetOp): void {
    throw new NotImplementedError(`GossipNode.apply(${JSON.stringify(op)})`);
  }

  /** [CRDT-3.1] The set's elements, as OrSet.value() gives them. */
  value(): ReadonlySet<string> {
    throw new NotImplementedError('GossipNode.value()');
  }

  /** [CRDT-3.1] The set's state, as OrSet.state() gives it: well-formed, compact, new. */
  state(): OrSetState {
    throw new NotImplementedError('GossipNode.state()');
  }

  /**
   * [CRDT-3.2] If `apply` was called since the last tick, sends the join of
   * those operations' deltas to every peer: a delta, never the whole state
   * (an empty join may go unsent).
   * [CRDT-3.3] On every FULL_STATE_EVERY-th tick since this incarnation
   * started (the 10th, the 20th, …), sends its whole state to every peer.
   * On a tick that is both, the whole state alone will do. Apart from these
   * two, a node sends nothing.
   */
  tick(): void {
    throw new NotImplementedError('GossipNode.tick()');
  }

  /** [CRDT-3.4] Merges what a peer sent: any message, any number of times, in any order. */
  step(from: NodeId, message: GossipMessage): void {
    throw new NotImplementedError(`GossipNode.step(${JSON.stringify(from)}, …)`);
  }
}
