/**
 * Reference ring (tasks 1 and 2), written blind from README.md and the stubs.
 */
import type { HashFn, NodeId } from './hash';
import { hash32 } from './hash';

export type { HashFn, NodeId } from './hash';

export interface RingOptions {
  readonly vnodes?: number;
  readonly hash?: HashFn;
}

interface VNode {
  readonly token: number;
  readonly node: NodeId;
  readonly i: number;
}

/** [CH-1.3] Ring order: token, then node id by `<`, then i. */
function compareVNodes(a: VNode, b: VNode): number {
  if (a.token !== b.token) return a.token < b.token ? -1 : 1;
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return a.i - b.i;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class Ring {
  private readonly vnodes: number;
  private readonly hash: HashFn;
  private readonly weights = new Map<NodeId, number>();
  private ring: VNode[] = [];

  constructor(options: RingOptions = {}) {
    const vnodes = options.vnodes;
    const hash = options.hash;
    const v = vnodes === undefined ? 160 : vnodes;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 1024) {
      throw new RangeError(`vnodes must be an integer in [1, 1024], got ${String(vnodes)}`);
    }
    if (hash !== undefined && typeof hash !== 'function') {
      throw new RangeError('hash must be a function');
    }
    this.vnodes = v;
    this.hash = hash ?? hash32;
  }

  addNode(node: NodeId, weight = 1): void {
    if (typeof node !== 'string' || node.length === 0) {
      throw new RangeError(`node must be a non-empty string, got ${JSON.stringify(node)}`);
    }
    if (this.weights.has(node)) {
      throw new RangeError(`node ${JSON.stringify(node)} is already on the ring`);
    }
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > 64) {
      throw new RangeError(`weight must be an integer in [1, 64], got ${String(weight)}`);
    }
    const count = this.vnodes * weight;
    const added: VNode[] = [];
    for (let i = 0; i < count; i++) {
      added.push({ token: this.hash(`${node}#${i}`), node, i });
    }
    added.sort(compareVNodes);
    this.ring = merge(this.ring, added);
    this.weights.set(node, weight);
  }

  removeNode(node: NodeId): void {
    if (typeof node !== 'string' || !this.weights.has(node)) {
      throw new RangeError(`node ${JSON.stringify(node)} is not on the ring`);
    }
    this.ring = this.ring.filter((v) => v.node !== node);
    this.weights.delete(node);
  }

  nodes(): NodeId[] {
    return [...this.weights.keys()].sort(compareIds);
  }

  owner(key: string): NodeId {
    return this.ring[this.locate(key)]!.node;
  }

  preferenceList(key: string, n: number): NodeId[] {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`n must be an integer in [1, 2^53 - 1], got ${String(n)}`);
    }
    const start = this.locate(key);
    const want = Math.min(n, this.weights.size);
    const taken = new Set<NodeId>();
    const result: NodeId[] = [];
    const len = this.ring.length;
    for (let step = 0; step < len && result.length < want; step++) {
      const node = this.ring[(start + step) % len]!.node;
      if (!taken.has(node)) {
        taken.add(node);
        result.push(node);
      }
    }
    return result;
  }

  /** Index of the key's virtual node: first token >= hash(key), wrapping to 0. */
  private locate(key: string): number {
    if (typeof key !== 'string') {
      throw new RangeError(`key must be a string, got ${typeof key}`);
    }
    if (this.ring.length === 0) {
      throw new RangeError('the ring is empty: it has no nodes');
    }
    const h = this.hash(key);
    let lo = 0;
    let hi = this.ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ring[mid]!.token < h) lo = mid + 1;
      else hi = mid;
    }
    return lo === this.ring.length ? 0 : lo;
  }
}

function merge(a: readonly VNode[], b: readonly VNode[]): VNode[] {
  const out: VNode[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (compareVNodes(a[i]!, b[j]!) <= 0) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
