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
 * was wrong, [CH-0.4] a call that throws changes nothing, and [CH-0.5] every
 * array you return is new.
 */
import type { HashFn, NodeId } from './hash';
import { hash32 } from './hash';

export type { HashFn, NodeId } from './hash';

export interface RendezvousOptions {
  /** The hash of node–key labels; `hash32` when left out. */
  readonly hash?: HashFn;
}

const MIN_WEIGHT = 2 ** -20;
const MAX_WEIGHT = 2 ** 20;
const TWO_32 = 2 ** 32;
const MAX_N = Number.MAX_SAFE_INTEGER; // 2⁵³ − 1

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

interface Scored {
  readonly node: NodeId;
  readonly score: number;
}

/** Rank order: score, highest first; equal scores by node id, smallest first. */
function compareScored(x: Scored, y: Scored): number {
  if (x.score !== y.score) return x.score > y.score ? -1 : 1;
  return x.node < y.node ? -1 : x.node > y.node ? 1 : 0;
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
  readonly #hash: HashFn;
  /** node → weight */
  readonly #members = new Map<NodeId, number>();

  /**
   * [CH-3.1] No nodes yet. `options.hash` is the hash of labels (`hash32` if
   * left out), read once: changing the object afterwards changes nothing.
   */
  constructor(options: RendezvousOptions = {}) {
    const hash = options.hash ?? hash32;
    if (typeof hash !== 'function') throw new TypeError(`hash must be a function, got ${describe(hash)}`);
    this.#hash = hash;
  }

  /**
   * [CH-3.2] Adds `node` (a non-empty string, not already placed) with
   * `weight`, a number in [2⁻²⁰, 2²⁰] (1 if left out).
   */
  addNode(node: NodeId, weight = 1): void {
    if (typeof node !== 'string' || node.length === 0) {
      throw new RangeError(`node must be a non-empty string, got ${describe(node)}`);
    }
    if (this.#members.has(node)) {
      throw new RangeError(`node ${describe(node)} is already placed`);
    }
    if (typeof weight !== 'number' || !(weight >= MIN_WEIGHT && weight <= MAX_WEIGHT)) {
      throw new RangeError(`weight must be a number in [2^-20, 2^20], got ${describe(weight)}`);
    }
    this.#members.set(node, weight);
  }

  /** [CH-3.5] Removes `node`; a node not placed is a `RangeError` naming `node`. */
  removeNode(node: NodeId): void {
    if (typeof node !== 'string' || !this.#members.has(node)) {
      throw new RangeError(`node ${describe(node)} is not placed`);
    }
    this.#members.delete(node);
  }

  /** [CH-3.5] The placed nodes, each once, sorted by JavaScript's `<` on strings. */
  nodes(): NodeId[] {
    return [...this.#members.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  }

  /**
   * [CH-3.4] The node ranked first for `key`. [CH-3.5] With no nodes, a
   * `RangeError` saying there are none. [CH-3.6] It calls `hash` exactly once
   * per node.
   */
  owner(key: string): NodeId {
    checkKey(key);
    this.#checkNotEmpty();
    let best: Scored | undefined;
    for (const scored of this.#scores(key)) {
      if (best === undefined || compareScored(scored, best) < 0) best = scored;
    }
    return best!.node;
  }

  /**
   * [CH-3.4] The first `n` nodes in rank order for `key`: all of them, once
   * each, when `n` is at least their number. [CH-3.5] `n` is an integer in
   * [1, 2⁵³ − 1], checked before anything else; with no nodes, a
   * `RangeError` saying there are none. [CH-3.6] It calls `hash` exactly
   * once per node.
   */
  preferenceList(key: string, n: number): NodeId[] {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_N) {
      throw new RangeError(`n must be an integer in [1, 2^53 - 1], got ${describe(n)}`);
    }
    checkKey(key);
    this.#checkNotEmpty();
    const ranked = this.#scores(key).sort(compareScored);
    return ranked.slice(0, Math.min(n, ranked.length)).map((s) => s.node);
  }

  #checkNotEmpty(): void {
    if (this.#members.size === 0) throw new RangeError('the set of nodes is empty: add a node before placing keys');
  }

  /** One score per node, one `hash` call each. */
  #scores(key: string): Scored[] {
    const out: Scored[] = [];
    for (const [node, w] of this.#members) {
      const h = this.#hash(`${node}#${key}`);
      const u = (h + 0.5) / TWO_32;
      out.push({ node, score: w / -Math.log(u) });
    }
    return out;
  }
}

function checkKey(key: unknown): void {
  if (typeof key !== 'string') throw new RangeError(`key must be a string, got ${describe(key)}`);
}
