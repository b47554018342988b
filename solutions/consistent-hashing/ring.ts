/**
 * Consistent hashing, tasks 1 and 2: reference solution. Same exports and
 * contracts as exercises/consistent-hashing/ring.ts; read the stub for them.
 *
 * The ring is one array of virtual nodes kept in ring order, (token, node, i),
 * so that colliding tokens keep both vnodes and the order of joins never
 * shows. A lookup is a binary search for the first token at or after the
 * key's position, wrapping to the start.
 */
import { hash32, type HashFn, type NodeId } from './hash';

export type { HashFn, NodeId } from './hash';

export interface RingOptions {
  readonly vnodes?: number;
  readonly hash?: HashFn;
}

const DEFAULT_VNODES = 160;
const MAX_VNODES = 1024;
const MAX_WEIGHT = 64;

interface Vnode {
  readonly token: number;
  readonly node: NodeId;
}

/**
 * Ring order. A node's own equal tokens are kept once (addNode), so two
 * virtual nodes at one token always belong to two nodes, and the order by i
 * that the README adds could never be seen.
 */
const before = (a: Vnode, b: Vnode): number => a.token - b.token || (a.node < b.node ? -1 : 1);

export class Ring {
  readonly #vnodes: number;
  readonly #hash: HashFn;
  #ring: Vnode[] = [];
  readonly #weights = new Map<NodeId, number>();

  constructor(options: RingOptions = {}) {
    const vnodes = options.vnodes ?? DEFAULT_VNODES;
    if (!Number.isInteger(vnodes) || vnodes < 1 || vnodes > MAX_VNODES) {
      throw new RangeError(`vnodes must be an integer in [1, ${MAX_VNODES}], got ${String(vnodes)}`);
    }
    this.#vnodes = vnodes;
    this.#hash = options.hash ?? hash32;
  }

  addNode(node: NodeId, weight = 1): void {
    checkNodeId(node);
    if (!Number.isInteger(weight) || weight < 1 || weight > MAX_WEIGHT) {
      throw new RangeError(`weight must be an integer in [1, ${MAX_WEIGHT}], got ${String(weight)}`);
    }
    if (this.#weights.has(node)) {
      throw new RangeError(`node ${JSON.stringify(node)} is already in the ring; remove it first to change its weight`);
    }
    const tokens = new Set<number>();
    for (let index = 0; index < this.#vnodes * weight; index++) tokens.add(this.#hash(`${node}#${index}`));
    this.#weights.set(node, weight);
    this.#ring = [...this.#ring, ...[...tokens].map((token) => ({ token, node }))].sort(before);
  }

  removeNode(node: NodeId): void {
    if (!this.#weights.has(node)) {
      throw new RangeError(`node ${JSON.stringify(node)} is not in the ring`);
    }
    this.#weights.delete(node);
    this.#ring = this.#ring.filter((v) => v.node !== node);
  }

  nodes(): NodeId[] {
    // The default order of sort is JavaScript's `<` on strings: UTF-16 code units.
    return [...this.#weights.keys()].sort();
  }

  owner(key: string): NodeId {
    this.#checkNotEmpty();
    return this.#ring[this.#start(key)]!.node;
  }

  preferenceList(key: string, n: number): NodeId[] {
    checkCount(n);
    this.#checkNotEmpty();
    const wanted = Math.min(n, this.#weights.size);
    const chosen: NodeId[] = [];
    const start = this.#start(key);
    for (let step = 0; chosen.length < wanted; step++) {
      const { node } = this.#ring[(start + step) % this.#ring.length]!;
      if (!chosen.includes(node)) chosen.push(node);
    }
    return chosen;
  }

  /** The index in ring order of the first vnode whose token is at or after the key's position, wrapping to 0. */
  #start(key: string): number {
    const position = this.#hash(key);
    let lo = 0;
    let hi = this.#ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#ring[mid]!.token < position) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.#ring.length ? 0 : lo;
  }

  #checkNotEmpty(): void {
    if (this.#ring.length === 0) throw new RangeError('the ring is empty: add a node before looking up a key');
  }
}

function checkNodeId(node: NodeId): void {
  if (node.length === 0) {
    throw new RangeError(`node must be a non-empty string, got ${JSON.stringify(node)}`);
  }
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`n must be an integer in [1, 2^53 − 1], got ${String(n)}`);
  }
}
