/**
 * Broken vector clock: the counters live in a plain object keyed by node id.
 *
 * The mistake: the clock keeps its counters in a plain object ({}) and reads
 * them with `counters[node]`, tests membership with `in`, and copies with
 * spread, instead of using a Map.
 *
 * Why it is wrong: a plain object is not empty. It inherits 'constructor',
 * 'toString', 'hasOwnProperty' and 'valueOf' from Object.prototype, so
 * get('constructor') of the empty clock is a function, not 0, and
 * from([['constructor', 1]]) reports the node as listed twice; assigning to
 * '__proto__' changes the object's prototype instead of storing a counter, so
 * that node's counter is silently lost. Node ids are arbitrary strings.
 *
 * Real-world failure it models: the "__proto__ key" family of bugs: data keyed
 * by strings someone else chooses (host names, client ids) kept in an object
 * literal; a node with an unlucky name crashes or corrupts every clock it
 * touches.
 */
export type NodeId = string;

export type Ordering = 'before' | 'after' | 'equal' | 'concurrent';

const byNode = ([a]: readonly [NodeId, number], [b]: readonly [NodeId, number]): number => (a < b ? -1 : a > b ? 1 : 0);

export class VectorClock {
  /** Non-zero counters only, keyed by node id. */
  readonly #counters: Readonly<Record<NodeId, number>>;

  private constructor(counters: Readonly<Record<NodeId, number>>) {
    this.#counters = counters;
  }

  static empty(): VectorClock {
    return new VectorClock({});
  }

  static from(entries: Iterable<readonly [NodeId, number]>): VectorClock {
    const seen: Record<NodeId, boolean> = {};
    const counters: Record<NodeId, number> = {};
    for (const [node, counter] of entries) {
      if (seen[node]) throw new RangeError(`vector-clock: node ${JSON.stringify(node)} is listed twice`);
      seen[node] = true;
      if (!(Number.isSafeInteger(counter) && counter >= 0)) {
        throw new RangeError(`vector-clock: the counter of node ${JSON.stringify(node)} must be a safe integer >= 0, got ${String(counter)}`);
      }
      if (counter > 0) counters[node] = counter;
    }
    return new VectorClock(counters);
  }

  get(node: NodeId): number {
    return this.#counters[node] ?? 0;
  }

  increment(node: NodeId): VectorClock {
    return new VectorClock({ ...this.#counters, [node]: this.get(node) + 1 });
  }

  merge(other: VectorClock): VectorClock {
    const counters = { ...this.#counters };
    for (const [node, counter] of Object.entries(other.#counters)) counters[node] = Math.max(counter, this.get(node));
    return new VectorClock(counters);
  }

  compare(other: VectorClock): Ordering {
    let smaller = false;
    let larger = false;
    for (const [node, counter] of Object.entries(this.#counters)) {
      const theirs = other.get(node);
      if (counter < theirs) smaller = true;
      else if (counter > theirs) larger = true;
    }
    for (const node of Object.keys(other.#counters)) if (!(node in this.#counters)) smaller = true;
    if (smaller) return larger ? 'concurrent' : 'before';
    return larger ? 'after' : 'equal';
  }

  entries(): [NodeId, number][] {
    return Object.entries(this.#counters).sort(byNode);
  }

  serialize(): string {
    return JSON.stringify(this.entries());
  }

  static deserialize(text: string): VectorClock {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new RangeError(`vector-clock: cannot deserialize, not JSON: ${JSON.stringify(text.slice(0, 60))}`);
    }
    if (!Array.isArray(parsed)) throw new RangeError(`vector-clock: cannot deserialize, not a JSON array: ${JSON.stringify(text.slice(0, 60))}`);
    const entries = parsed.map((item: unknown, i): [NodeId, number] => {
      if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || typeof item[1] !== 'number') {
        throw new RangeError(`vector-clock: cannot deserialize, element ${i} is not a [node, counter] pair`);
      }
      return [item[0], item[1]];
    });
    return VectorClock.from(entries);
  }
}
