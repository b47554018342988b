/**
 * Broken vector clock: node ids are Unicode-normalised.
 *
 * The mistake: every node id is put in NFC before it is used, so that "é"
 * typed two ways is one node.
 *
 * Clause broken: VC-1.6, node ids are compared as they are, never normalised.
 * Two processes named 'é' (U+00E9) and 'e\u0301' are two nodes: merging their
 * counters into one loses events, and entries() returns ids neither of them has.
 */
export type NodeId = string;

export type Ordering = 'before' | 'after' | 'equal' | 'concurrent';

const byNode = ([a]: readonly [NodeId, number], [b]: readonly [NodeId, number]): number => (a < b ? -1 : a > b ? 1 : 0);

export class VectorClock {
  /** Non-zero counters only, so that equal clocks hold equal maps. A Map: every string is an ordinary key. */
  readonly #counters: ReadonlyMap<NodeId, number>;

  private constructor(counters: ReadonlyMap<NodeId, number>) {
    this.#counters = counters;
  }

  static empty(): VectorClock {
    return new VectorClock(new Map());
  }

  static from(entries: Iterable<readonly [NodeId, number]>): VectorClock {
    const seen = new Set<NodeId>();
    const counters = new Map<NodeId, number>();
    for (const [id, counter] of entries) {
      const node = id.normalize('NFC');
      if (seen.has(node)) throw new RangeError(`vector-clock: node ${JSON.stringify(node)} is listed twice`);
      seen.add(node);
      if (!(Number.isSafeInteger(counter) && counter >= 0)) {
        throw new RangeError(`vector-clock: the counter of node ${JSON.stringify(node)} must be a safe integer >= 0, got ${String(counter)}`);
      }
      if (counter > 0) counters.set(node, counter);
    }
    return new VectorClock(counters);
  }

  get(node: NodeId): number {
    return this.#counters.get(node.normalize('NFC')) ?? 0;
  }

  increment(node: NodeId): VectorClock {
    const counters = new Map(this.#counters);
    counters.set(node.normalize('NFC'), this.get(node) + 1);
    return new VectorClock(counters);
  }

  merge(other: VectorClock): VectorClock {
    const counters = new Map(this.#counters);
    for (const [node, counter] of other.#counters) counters.set(node, Math.max(counter, this.get(node)));
    return new VectorClock(counters);
  }

  compare(other: VectorClock): Ordering {
    let smaller = false; // some counter of this is below other's
    let larger = false; // some counter of this is above other's
    for (const [node, counter] of this.#counters) {
      const theirs = other.get(node);
      if (counter < theirs) smaller = true;
      else if (counter > theirs) larger = true;
    }
    // A node only other has is 0 here and > 0 there.
    for (const node of other.#counters.keys()) if (!this.#counters.has(node)) smaller = true;
    if (smaller) return larger ? 'concurrent' : 'before';
    return larger ? 'after' : 'equal';
  }

  entries(): [NodeId, number][] {
    return [...this.#counters].sort(byNode);
  }

  serialize(): string {
    return JSON.stringify(this.entries());
  }

  static deserialize(text: string): VectorClock {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new RangeError(`vector-clock: cannot deserialize, not JSON: ${preview(text)}`);
    }
    if (!Array.isArray(parsed)) throw new RangeError(`vector-clock: cannot deserialize, not a JSON array: ${preview(text)}`);
    const entries = parsed.map((item: unknown, i): [NodeId, number] => {
      if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || typeof item[1] !== 'number') {
        throw new RangeError(`vector-clock: cannot deserialize, element ${i} is not a [node, counter] pair: ${preview(JSON.stringify(item))}`);
      }
      return [item[0], item[1]];
    });
    return VectorClock.from(entries);
  }
}

const preview = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
