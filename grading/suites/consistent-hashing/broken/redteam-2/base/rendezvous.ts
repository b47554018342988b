/**
 * Reference weighted rendezvous hashing (task 3), written blind from README.md and the stubs.
 */
import type { HashFn, NodeId } from './hash';
import { hash32 } from './hash';

export type { HashFn, NodeId } from './hash';

export interface RendezvousOptions {
  readonly hash?: HashFn;
}

const TWO_32 = 4294967296;
const MIN_WEIGHT = 2 ** -20;
const MAX_WEIGHT = 2 ** 20;

interface Scored {
  readonly node: NodeId;
  readonly score: number;
}

/** [CH-3.4] Highest score first; equal scores by node id, smallest first. */
function compareScored(a: Scored, b: Scored): number {
  if (a.score !== b.score) return a.score > b.score ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

export class Rendezvous {
  private readonly hash: HashFn;
  private readonly weights = new Map<NodeId, number>();

  constructor(options: RendezvousOptions = {}) {
    const hash = options.hash;
    if (hash !== undefined && typeof hash !== 'function') {
      throw new RangeError('hash must be a function');
    }
    this.hash = hash ?? hash32;
  }

  addNode(node: NodeId, weight = 1): void {
    if (typeof node !== 'string' || node.length === 0) {
      throw new RangeError(`node must be a non-empty string, got ${JSON.stringify(node)}`);
    }
    if (this.weights.has(node)) {
      throw new RangeError(`node ${JSON.stringify(node)} is already placed`);
    }
    if (typeof weight !== 'number' || !(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
      throw new RangeError(`weight must be a number in [2^-20, 2^20], got ${String(weight)}`);
    }
    this.weights.set(node, weight);
  }

  removeNode(node: NodeId): void {
    if (typeof node !== 'string' || !this.weights.has(node)) {
      throw new RangeError(`node ${JSON.stringify(node)} is not placed`);
    }
    this.weights.delete(node);
  }

  nodes(): NodeId[] {
    return [...this.weights.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  owner(key: string): NodeId {
    this.check(key);
    let best: Scored | undefined;
    for (const [node, w] of this.weights) {
      const s = { node, score: this.score(node, w, key) };
      if (best === undefined || compareScored(s, best) < 0) best = s;
    }
    return best!.node;
  }

  preferenceList(key: string, n: number): NodeId[] {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`n must be an integer in [1, 2^53 - 1], got ${String(n)}`);
    }
    this.check(key);
    const scored: Scored[] = [];
    for (const [node, w] of this.weights) scored.push({ node, score: this.score(node, w, key) });
    scored.sort(compareScored);
    return scored.slice(0, Math.min(n, scored.length)).map((s) => s.node);
  }

  private check(key: string): void {
    if (typeof key !== 'string') {
      throw new RangeError(`key must be a string, got ${typeof key}`);
    }
    if (this.weights.size === 0) {
      throw new RangeError('there are no nodes: the placement is empty');
    }
  }

  /** [CH-3.3] Exactly as written, in doubles. */
  private score(node: NodeId, w: number, key: string): number {
    const h = this.hash(`${node}#${key}`);
    const u = (h + 0.5) / TWO_32;
    return w / -Math.log(u);
  }
}
