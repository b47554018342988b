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
 * nothing else changes with it.
 */
import type { HashFn, NodeId } from './hash';
import { hash32 } from './hash';

export type { HashFn, NodeId } from './hash';

export interface RingOptions {
  /** Virtual nodes per unit of weight: an integer in [1, 1024]; 160 when left out (ketama's count). */
  readonly vnodes?: number;
  /** The hash of keys and token labels; `hash32` when left out. */
  readonly hash?: HashFn;
}

/** One virtual node: its token, its node, and its number i. */
interface VNode {
  readonly token: number;
  readonly node: NodeId;
  readonly i: number;
}

/** Ring order: by token, then node id (JavaScript's `<`), then i. */
function compareVNodes(x: VNode, y: VNode): number {
  if (x.token !== y.token) return x.token < y.token ? -1 : 1;
  if (x.node !== y.node) return x.node < y.node ? -1 : 1;
  return x.i - y.i;
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const MAX_N = Number.MAX_SAFE_INTEGER; // 2⁵³ − 1

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
  readonly #vnodes: number;
  readonly #hash: HashFn;
  /** node → weight */
  readonly #members = new Map<NodeId, number>();
  /** Every virtual node, in ring order. */
  #ring: VNode[] = [];

  /**
   * [CH-1.1] An empty ring. `options.vnodes` is an integer in [1, 1024]
   * (160 if left out); `options.hash` the hash of keys and labels (`hash32`
   * if left out). The ring reads its options once: changing the object
   * afterwards changes nothing.
   */
  constructor(options: RingOptions = {}) {
    const vnodes = options.vnodes ?? 160;
    const hash = options.hash ?? hash32;
    if (typeof vnodes !== 'number' || !Number.isInteger(vnodes) || vnodes < 1 || vnodes > 1024) {
      throw new RangeError(`vnodes must be an integer in [1, 1024], got ${describe(vnodes)}`);
    }
    if (typeof hash !== 'function') {
      throw new TypeError(`hash must be a function, got ${describe(hash)}`);
    }
    this.#vnodes = vnodes;
    this.#hash = hash;
  }

  /**
   * [CH-1.2] Adds `node` (a non-empty string, not already on the ring) with
   * `weight` (an integer in [1, 64], 1 if left out): `vnodes × weight` virtual
   * nodes. [CH-1.9] It calls `hash` exactly once per virtual node.
   */
  addNode(node: NodeId, weight = 1): void {
    if (typeof node !== 'string' || node.length === 0) {
      throw new RangeError(`node must be a non-empty string, got ${describe(node)}`);
    }
    if (this.#members.has(node)) {
      throw new RangeError(`node ${describe(node)} is already on the ring`);
    }
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > 64) {
      throw new RangeError(`weight must be an integer in [1, 64], got ${describe(weight)}`);
    }
    const count = this.#vnodes * weight;
    const added: VNode[] = [];
    for (let i = 0; i < count; i++) {
      added.push({ token: this.#hash(`${node}#${i}`), node, i });
    }
    // Nothing changes until every token is known: a hash that throws leaves the ring as it was.
    added.sort(compareVNodes);
    this.#ring = merge(this.#ring, added);
    this.#members.set(node, weight);
  }

  /**
   * [CH-1.6] Removes `node` and every virtual node of its, and nothing else.
   * A node that is not on the ring is a `RangeError` naming `node`.
   */
  removeNode(node: NodeId): void {
    if (typeof node !== 'string' || !this.#members.has(node)) {
      throw new RangeError(`node ${describe(node)} is not on the ring`);
    }
    this.#ring = this.#ring.filter((v) => v.node !== node);
    this.#members.delete(node);
  }

  /** [CH-1.7] The nodes on the ring, each once, sorted by JavaScript's `<` on strings. */
  nodes(): NodeId[] {
    return [...this.#members.keys()].sort(compareIds);
  }

  /**
   * [CH-1.4] The node of the first virtual node in ring order whose token is
   * at or after `hash(key)`; past the last token, the first virtual node of
   * the ring. [CH-1.8] On an empty ring, a `RangeError` saying it is empty.
   * [CH-1.9] It calls `hash` exactly once.
   */
  owner(key: string): NodeId {
    checkKey(key);
    this.#checkNotEmpty();
    return this.#ring[this.#start(key)]!.node;
  }

  /**
   * Task 2. [CH-2.1] The first `n` distinct nodes met walking the ring
   * clockwise from the key's virtual node (the one `owner` picks), wrapping
   * past the end, skipping virtual nodes of nodes already chosen (Dynamo
   * §4.3). [CH-2.2] So the owner comes first, no node appears twice, and
   * when `n` is at least the number of nodes every node appears once.
   * [CH-2.3] `n` is an integer in [1, 2⁵³ − 1]; it is checked before the
   * ring is: on an empty ring, a `RangeError` saying it is empty.
   * [CH-1.9] It calls `hash` exactly once.
   */
  preferenceList(key: string, n: number): NodeId[] {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_N) {
      throw new RangeError(`n must be an integer in [1, 2^53 - 1], got ${describe(n)}`);
    }
    checkKey(key);
    this.#checkNotEmpty();
    const want = Math.min(n, this.#members.size);
    const ring = this.#ring;
    const start = this.#start(key);
    const taken = new Set<NodeId>();
    const out: NodeId[] = [];
    for (let step = 0; step < ring.length && out.length < want; step++) {
      const { node } = ring[(start + step) % ring.length]!;
      if (!taken.has(node)) {
        taken.add(node);
        out.push(node);
      }
    }
    return out;
  }

  #checkNotEmpty(): void {
    if (this.#ring.length === 0) throw new RangeError('the ring is empty: it has no nodes to place keys on');
  }

  /** The index of the key's virtual node: the first token ≥ hash(key), wrapping to 0. */
  #start(key: string): number {
    const h = this.#hash(key);
    const ring = this.#ring;
    let lo = 0;
    let hi = ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ring[mid]!.token < h) lo = mid + 1;
      else hi = mid;
    }
    return lo === ring.length ? 0 : lo;
  }
}

function checkKey(key: unknown): void {
  if (typeof key !== 'string') throw new RangeError(`key must be a string, got ${describe(key)}`);
}

/** Merges two arrays already in ring order into a new one. */
function merge(a: readonly VNode[], b: readonly VNode[]): VNode[] {
  const out: VNode[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareVNodes(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
