/**
 * Broken vector clock: deserialize trusts its input.
 *
 * The mistake: deserialize hands JSON.parse(text) straight to from, without
 * checking that the text is JSON or that the JSON is an array of pairs.
 *
 * Why it is wrong: text that is not JSON throws a SyntaxError, and JSON of the
 * wrong shape throws a TypeError ({"a":1} is not iterable) or builds a clock from
 * junk, where the contract promises a RangeError for anything serialize did not
 * write.
 *
 * Real-world failure it models: a node that receives a truncated message fails
 * with an error its caller does not expect, instead of rejecting the message;
 * the caller's "bad input" path never runs.
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
    for (const [node, counter] of entries) {
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
    return this.#counters.get(node) ?? 0;
  }

  increment(node: NodeId): VectorClock {
    const counters = new Map(this.#counters);
    counters.set(node, this.get(node) + 1);
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
    return VectorClock.from(JSON.parse(text) as [NodeId, number][]);
  }
}
