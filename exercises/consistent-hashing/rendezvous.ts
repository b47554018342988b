/**
 * Consistent hashing, task 3 — your file. Replace each
 * `throw new NotImplementedError(...)` with an implementation; keep the
 * exports and their signatures.
 *
 * Rendezvous, or highest-random-weight, hashing (Thaler and Ravishankar,
 * 1998): every node scores every key, and the highest score owns it. No ring,
 * no tokens, and with weights each node's share of the keys follows its
 * weight. Apache Ignite places partitions this way
 * (`RendezvousAffinityFunction`), and GitHub's load balancer, GLB Director,
 * builds its forwarding table with it.
 *
 * The rules of ring.ts hold here too: [CH-0.1] argument errors are
 * `RangeError`s naming the argument, [CH-0.2] with a message that says what
 * was wrong, [CH-0.4] a call that throws changes nothing, [CH-0.5] every
 * array you return is new, and [CH-0.6] node ids are any non-empty strings
 * and keys any strings, the empty one included.
 */
import { NotImplementedError } from '@faultline/harness';
import type { HashFn, NodeId } from './hash';
// The default hash; uncomment when you get there:
// import { hash32 } from './hash';

export type { HashFn, NodeId } from './hash';

export interface RendezvousOptions {
  /** The hash of node–key labels; `hash32` when left out. */
  readonly hash?: HashFn;
}

/**
 * Weighted rendezvous hashing.
 *
 * [CH-3.3] The score of node `node` of weight `w` for `key`, computed in
 * doubles exactly as written (Schindelhauer and Schomaker's weighted form):
 *
 *     h     = hash(node + "#" + key)
 *     u     = (h + 0.5) / 2³²          a number strictly between 0 and 1
 *     score = w / -Math.log(u)
 *
 * [CH-3.4] Nodes rank by score, highest first; equal scores by node id
 * (JavaScript's `<` on strings), smallest first.
 */
export class Rendezvous {
  /**
   * [CH-3.1] No nodes yet. `options.hash` is the hash of labels (`hash32` if
   * left out), read once: changing the object afterwards changes nothing.
   */
  constructor(options: RendezvousOptions = {}) {
    throw new NotImplementedError(`new Rendezvous(${options.hash === undefined ? '' : '{ hash }'})`);
  }

  /**
   * [CH-3.2] Adds `node` (a non-empty string, not already placed) with
   * `weight`, a number in [2⁻²⁰, 2²⁰] (1 if left out).
   */
  addNode(node: NodeId, weight = 1): void {
    throw new NotImplementedError(`addNode(${JSON.stringify(node)}, ${weight})`);
  }

  /** [CH-3.5] Removes `node`; a node not placed is a `RangeError` naming `node`. */
  removeNode(node: NodeId): void {
    throw new NotImplementedError(`removeNode(${JSON.stringify(node)})`);
  }

  /** [CH-3.5] The placed nodes, each once, sorted by JavaScript's `<` on strings. */
  nodes(): NodeId[] {
    throw new NotImplementedError('nodes()');
  }

  /**
   * [CH-3.4] The node ranked first for `key`. [CH-3.5] With no nodes, a
   * `RangeError` whose message says so with the word `empty`. [CH-3.6] It calls `hash` exactly once
   * per node.
   */
  owner(key: string): NodeId {
    throw new NotImplementedError(`owner(${JSON.stringify(key)})`);
  }

  /**
   * [CH-3.4] The first `n` nodes in rank order for `key`: all of them, once
   * each, when `n` is at least their number. [CH-3.5] `n` is an integer in
   * [1, 2⁵³ − 1], checked before anything else; with no nodes, the
   * `RangeError` of `owner`. [CH-3.6] It calls `hash` exactly
   * once per node.
   */
  preferenceList(key: string, n: number): NodeId[] {
    throw new NotImplementedError(`preferenceList(${JSON.stringify(key)}, ${n})`);
  }
}
