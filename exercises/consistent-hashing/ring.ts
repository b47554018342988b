/**
 * Consistent hashing, tasks 1 and 2 — your file. Replace each
 * `throw new NotImplementedError(...)` with an implementation; keep the
 * exports and their signatures.
 *
 * A ring of virtual nodes places every key on a node so that a node joining
 * or leaving moves only its own share of the keys (Karger et al., STOC 1997).
 * Dynamo, Cassandra, memcached clients (ketama) and Envoy's `ring_hash` place
 * keys this way. README.md has the tasks, the contract and hints.
 *
 * [CH-0.1] Every argument error is a `RangeError` whose message names the
 * argument (`vnodes`, `node`, `weight`, `n`). [CH-0.2] Every error's message
 * says what was wrong; none is empty. [CH-0.3] `hash.ts` is provided: call
 * it, do not edit it. [CH-0.4] A call that throws changes nothing.
 * [CH-0.5] Every array you return is new: the caller may change it, and
 * nothing else changes with it. [CH-0.6] Node ids are non-empty strings of
 * any characters, `#` included; keys are any strings, the empty one included.
 * [CH-0.7] Hash keys and labels with the hash you were given, never with
 * `hash32` itself unless it is the default.
 */
import { NotImplementedError } from '@faultline/harness';
import type { HashFn, NodeId } from './hash';
// The default hash; uncomment when you get there:
// import { hash32 } from './hash';

export type { HashFn, NodeId } from './hash';

export interface RingOptions {
  /** Virtual nodes per unit of weight: an integer in [1, 1024]; 160 when left out (ketama's count). */
  readonly vnodes?: number;
  /** The hash of keys and token labels; `hash32` when left out. */
  readonly hash?: HashFn;
}

/**
 * A consistent-hash ring with virtual nodes.
 *
 * [CH-1.2] Node `node` of weight `w` owns `vnodes × w` virtual nodes, numbered
 * i = 0, 1, …, vnodes × w − 1; virtual node i sits at the token
 * `hash(node + "#" + i)`, `i` written in decimal ("web-1#0", "web-1#1", …).
 *
 * [CH-1.3] Ring order: the virtual nodes sorted by token; equal tokens by
 * node id (JavaScript's `<` on strings); then by i. Equal tokens do happen
 * (the suite's hashes make them), and both virtual nodes stay on the ring.
 */
export class Ring {
  /**
   * [CH-1.1] An empty ring. `options.vnodes` is an integer in [1, 1024]
   * (160 if left out); `options.hash` the hash of keys and labels (`hash32`
   * if left out). The ring reads its options once: changing the object
   * afterwards changes nothing.
   */
  constructor(options: RingOptions = {}) {
    throw new NotImplementedError(`new Ring({ vnodes: ${String(options.vnodes)}${options.hash === undefined ? '' : ', hash'} })`);
  }

  /**
   * [CH-1.2] Adds `node` (a non-empty string, not already on the ring) with
   * `weight` (an integer in [1, 64], 1 if left out): `vnodes × weight` virtual
   * nodes. [CH-1.9] It calls `hash` exactly once per virtual node.
   */
  addNode(node: NodeId, weight = 1): void {
    throw new NotImplementedError(`addNode(${JSON.stringify(node)}, ${weight})`);
  }

  /**
   * [CH-1.6] Removes `node` and every virtual node of its, and nothing else.
   * A node that is not on the ring is a `RangeError` naming `node`.
   */
  removeNode(node: NodeId): void {
    throw new NotImplementedError(`removeNode(${JSON.stringify(node)})`);
  }

  /** [CH-1.7] The nodes on the ring, each once, sorted by JavaScript's `<` on strings. */
  nodes(): NodeId[] {
    throw new NotImplementedError('nodes()');
  }

  /**
   * [CH-1.4] The node of the first virtual node in ring order whose token is
   * at or after `hash(key)`; past the last token, the first virtual node of
   * the ring. [CH-1.8] On an empty ring, a `RangeError` whose message says
   * so with the word `empty`.
   * [CH-1.9] It calls `hash` exactly once.
   */
  owner(key: string): NodeId {
    throw new NotImplementedError(`owner(${JSON.stringify(key)})`);
  }

  /**
   * Task 2. [CH-2.1] The first `n` distinct nodes met walking the ring
   * clockwise from the key's virtual node (the one `owner` picks), wrapping
   * past the end, skipping virtual nodes of nodes already chosen (Dynamo
   * §4.3). [CH-2.2] So the owner comes first, no node appears twice, and
   * when `n` is at least the number of nodes every node appears once.
   * [CH-2.3] `n` is an integer in [1, 2⁵³ − 1]; it is checked before the
   * ring is: on an empty ring, the `RangeError` of [CH-1.8].
   * [CH-1.9] It calls `hash` exactly once.
   */
  preferenceList(key: string, n: number): NodeId[] {
    throw new NotImplementedError(`preferenceList(${JSON.stringify(key)}, ${n})`);
  }
}
