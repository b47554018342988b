/**
 * Vector clock — task 1. A clock is an immutable value holding only its
 * non-zero counters in a private Map (every string is an ordinary Map key).
 */

/** A node's name: any string, compared as plain JavaScript strings (`<`, UTF-16 code units). */
export type NodeId = string;

/** How one event relates to another in the happened-before order. */
export type Ordering = 'before' | 'after' | 'equal' | 'concurrent';

const byId = (a: readonly [NodeId, number], b: readonly [NodeId, number]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

export class VectorClock {
  readonly #counters: ReadonlyMap<NodeId, number>;
  readonly #table: Record<string, number> = {};

  private constructor(counters: Map<NodeId, number>) {
    this.#counters = counters;
    for (const [n, c] of counters) this.#table[n] = c;
  }

  /** The clock with every counter 0 (the clock before any event). */
  static empty(): VectorClock {
    return new VectorClock(new Map());
  }

  /**
   * A clock from `[node, counter]` pairs, in any order. Zero counters are dropped.
   * @throws RangeError naming the node when a counter is not a safe integer >= 0,
   *   or when a node is listed twice (even if one of the two counters is 0).
   */
  static from(entries: Iterable<readonly [NodeId, number]>): VectorClock {
    const seen = new Set<NodeId>();
    const counters = new Map<NodeId, number>();
    for (const [node, counter] of entries) {
      if (seen.has(node)) {
        throw new RangeError(`node ${JSON.stringify(node)} is listed twice`);
      }
      seen.add(node);
      if (typeof counter !== 'number' || !Number.isSafeInteger(counter) || counter < 0) {
        throw new RangeError(
          `counter of node ${JSON.stringify(node)} must be a safe integer >= 0, got ${String(counter)}`,
        );
      }
      if (counter !== 0) counters.set(node, counter);
    }
    return new VectorClock(counters);
  }

  /** This node's counter, 0 when the clock has none. */
  get(node: NodeId): number {
    return Object.hasOwn(this.#table, node) ? this.#table[node]! : 0;
  }

  /** A new clock with `node`'s counter one higher and every other counter the same; this clock is unchanged. */
  increment(node: NodeId): VectorClock {
    const next = new Map(this.#counters);
    next.set(node, this.get(node) + 1);
    return new VectorClock(next);
  }

  /** The least upper bound of the two clocks. Neither clock changes. */
  merge(other: VectorClock): VectorClock {
    const next = new Map(this.#counters);
    for (const [node, counter] of other.#counters) {
      if (counter > (next.get(node) ?? 0)) next.set(node, counter);
    }
    return new VectorClock(next);
  }

  /** How this clock's event relates to `other`'s, looking at every node either clock has. */
  compare(other: VectorClock): Ordering {
    let smaller = false;
    let larger = false;
    const nodes = new Set<NodeId>([...Object.keys(this.#table), ...Object.keys(other.#table)]);
    for (const node of nodes) {
      const mine = this.get(node);
      const theirs = other.get(node);
      if (mine < theirs) smaller = true;
      else if (mine > theirs) larger = true;
    }
    if (smaller && larger) return 'concurrent';
    if (smaller) return 'before';
    if (larger) return 'after';
    return 'equal';
  }

  /** The non-zero counters as `[node, counter]` pairs, sorted by node id with plain `<`. */
  entries(): [NodeId, number][] {
    return Object.entries(this.#table).sort(byId);
  }

  /** Canonical text: `JSON.stringify(this.entries())`. */
  serialize(): string {
    return JSON.stringify(this.entries());
  }

  /** The clock that `serialize` wrote. @throws RangeError on anything else. */
  static deserialize(text: string): VectorClock {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new RangeError(`not JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(parsed)) {
      throw new RangeError(`expected a JSON array of [node, counter] pairs, got ${JSON.stringify(parsed)}`);
    }
    const pairs: [NodeId, number][] = [];
    for (const [i, element] of parsed.entries()) {
      if (
        !Array.isArray(element) ||
        element.length !== 2 ||
        typeof element[0] !== 'string' ||
        typeof element[1] !== 'number'
      ) {
        throw new RangeError(`element ${i} is not a [string, number] pair: ${JSON.stringify(element)}`);
      }
      pairs.push([element[0], element[1]]);
    }
    return VectorClock.from(pairs);
  }
}
