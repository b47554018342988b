/**
 * Broken versioned store: put keeps only the newest write (last writer wins).
 *
 * The mistake: put replaces every sibling with the new version, whatever the
 * writer had read.
 *
 * Why it is wrong: a write replaces only what its writer had seen. A sibling the
 * writer never read is a concurrent update and must stay for a reader to
 * reconcile; Dynamo §4.4 keeps both precisely so that no acknowledged write
 * vanishes.
 *
 * Real-world failure it models: the lost update of last-writer-wins. Two
 * shoppers add items to the same cart from the same read; the second put erases
 * the first item (Dynamo's own example: an "add to cart" must never be lost).
 */
import { VectorClock, type NodeId } from './vector-clock';

export interface Versioned<V> {
  readonly value: V;
  readonly clock: VectorClock;
}

export interface ReadResult<V> {
  readonly siblings: readonly Versioned<V>[];
  readonly context: VectorClock;
}

export class VersionedStore<V> {
  readonly #node: NodeId;
  /** The siblings of each key, oldest write first. A Map: every string is an ordinary key. */
  readonly #versions = new Map<string, readonly Versioned<V>[]>();

  constructor(nodeId: NodeId) {
    this.#node = nodeId;
  }

  get(key: string): ReadResult<V> {
    const siblings = this.#versions.get(key) ?? [];
    return { siblings: [...siblings], context: siblings.reduce((merged, v) => merged.merge(v.clock), VectorClock.empty()) };
  }

  put(key: string, value: V, context: VectorClock): VectorClock {
    const current = this.#versions.get(key) ?? [];
    // Uniqueness: above every coordinator counter this write could collide with, replaced siblings included.
    const counter = 1 + current.reduce((top, v) => Math.max(top, v.clock.get(this.#node)), context.get(this.#node));
    const clock = VectorClock.from([...context.entries().filter(([node]) => node !== this.#node), [this.#node, counter]]);
    this.#versions.set(key, [{ value, clock }]);
    return clock;
  }
}
