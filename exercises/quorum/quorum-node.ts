/**
 * Quorum replication, the node — your file. Keep the exports and their
 * signatures.
 *
 * Every node is a coordinator and a replica at once (Dynamo, SOSP 2007,
 * §4.5). As coordinator it serves its clients' `get` and `put` by talking to
 * the key's home replicas (`preferenceList` in placement.ts); as replica it
 * answers other coordinators, keeping what it holds in a `Replica` on
 * `ctx.storage`. The messages are fixed (`QuorumMessage` in types.ts); the
 * answers to clients leave through `ctx.emit`.
 *
 * Time: a node learns that time passed only through `tick()`. A crash loses
 * everything but what the Replica made durable; requests in flight are then
 * never answered, and their clients cannot tell whether they took effect.
 */
import { NotImplementedError, type NodeContext, type NodeId, type ProtocolNode } from '@faultline/harness';
import type { ClientReply, Hint, QuorumConfig, QuorumMessage, Versioned } from './types';
// Uncomment what you use:
// import { compareVersions, HINT_AFTER_TICKS } from './types';
// import { preferenceList } from './placement';
// import { Replica } from './replica';

export class QuorumNode implements ProtocolNode<QuorumMessage> {
  /**
   * [QR-1.1] Builds the node, at start and after every crash. `config` must
   * hold 1 ≤ r, w ≤ n ≤ the cluster's size (`ctx.peers` and this node) and
   * a safe integer timeoutTicks ≥ 1: otherwise a RangeError saying which.
   */
  constructor(ctx: NodeContext<QuorumMessage, ClientReply>, config: QuorumConfig) {
    throw new NotImplementedError(`new QuorumNode(${JSON.stringify(ctx.id)}, ${JSON.stringify(config)})`);
  }

  /**
   * [QR-1.2] A client reads `key`: a read phase at the home replicas, then
   * `get-ok` with the newest value it saw [QR-2.1] (after writing it back,
   * with `writeBack`), or `fail` at the timeout [QR-1.7]. [QR-0.1] `req` is a
   * safe integer ≥ 0, unique in the run.
   */
  get(req: number, key: string): void {
    throw new NotImplementedError(`QuorumNode.get(${req}, ${JSON.stringify(key)})`);
  }

  /**
   * [QR-1.3] A client writes `value` to `key`: a read phase for the newest
   * counter, then a store phase of the new version, then `put-ok` [QR-1.4],
   * or `fail` at the timeout [QR-1.7].
   */
  put(req: number, key: string, value: string): void {
    throw new NotImplementedError(`QuorumNode.put(${req}, ${JSON.stringify(key)}, ${JSON.stringify(value)})`);
  }

  /** [QR-1.7] Counts the ticks of requests in flight; [QR-3.1] sends hints; [QR-3.3] hands hints back. */
  tick(): void {
    throw new NotImplementedError('QuorumNode.tick()');
  }

  /** [QR-1.5] Answers reads and stores as a replica; counts replies as a coordinator. */
  step(from: NodeId, message: QuorumMessage): void {
    throw new NotImplementedError(`QuorumNode.step(${JSON.stringify(from)}, ${JSON.stringify(message.type)})`);
  }

  /** [QR-1.5] The item this node keeps for `key` as a replica (hints are not items), or undefined. */
  stored(key: string): Versioned | undefined {
    throw new NotImplementedError(`QuorumNode.stored(${JSON.stringify(key)})`);
  }

  /** [QR-3.2] The hints this node keeps, as Replica.hints() gives them. */
  hints(): Hint[] {
    throw new NotImplementedError('QuorumNode.hints()');
  }
}
