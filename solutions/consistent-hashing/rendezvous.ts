/**
 * Consistent hashing, task 3: reference solution. Same exports and contracts
 * as exercises/consistent-hashing/rendezvous.ts; read the stub for them.
 *
 * Every lookup scores every node and keeps the best: no tokens, no ring, and
 * a node's leaving moves only the keys it won.
 */
import { hash32, type HashFn, type NodeId } from './hash';

export type { HashFn, NodeId } from './hash';

export interface RendezvousOptions {
  readonly hash?: HashFn;
}

const MIN_WEIGHT = 2 ** -20;
const MAX_WEIGHT = 2 ** 20;

interface Scored {
  readonly node: NodeId;
  readonly score: number;
}

/** Rank order: the higher score first, then the smaller id (ids are distinct, so never 0). */
const better = (a: Scored, b: Scored): number => b.score - a.score || (a.node < b.node ? -1 : 1);

export class Rendezvous {
  readonly #hash: HashFn;
  readonly #weights = new Map<NodeId, number>();

  constructor(options: RendezvousOptions = {}) {
    this.#hash = options.hash ?? hash32;
  }

  addNode(node: NodeId, weight = 1): void {
    checkNodeId(node);
    if (!(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
      throw new RangeError(`weight must be a number in [2^-20, 2^20], got ${String(weight)}`);
    }
    if (this.#weights.has(node)) {
      throw new RangeError(`node ${JSON.stringify(node)} is already placed; remove it first to change its weight`);
    }
    this.#weights.set(node, weight);
  }

  removeNode(node: NodeId): void {
    if (!this.#weights.has(node)) {
      throw new RangeError(`node ${JSON.stringify(node)} is not placed`);
    }
    this.#weights.delete(node);
  }

  nodes(): NodeId[] {
    // The default order of sort is JavaScript's `<` on strings: UTF-16 code units.
    return [...this.#weights.keys()].sort();
  }

  owner(key: string): NodeId {
    return this.#scores(key).sort(better)[0]!.node;
  }

  preferenceList(key: string, n: number): NodeId[] {
    checkCount(n);
    return this.#scores(key)
      .sort(better)
      .slice(0, n)
      .map((s) => s.node);
  }

  #scores(key: string): Scored[] {
    if (this.#weights.size === 0) throw new RangeError('the placement is empty: add a node before looking up a key');
    const scored: Scored[] = [];
    for (const [node, weight] of this.#weights) {
      const unit = (this.#hash(`${node}#${key}`) + 0.5) / 2 ** 32;
      scored.push({ node, score: weight / -Math.log(unit) });
    }
    return scored;
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
