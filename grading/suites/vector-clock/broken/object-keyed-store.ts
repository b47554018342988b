/**
 * Broken versioned store: versions are kept in a plain object keyed by key.
 *
 * The mistake: the store keeps its sibling lists in a plain object ({}) instead
 * of a Map.
 *
 * Why it is wrong: a plain object is not empty. It inherits 'constructor',
 * 'toString', 'hasOwnProperty' and 'valueOf' from Object.prototype, so a key
 * never written reads as a function; and assigning to '__proto__' replaces the
 * object's prototype instead of storing a value, which changes what every other
 * missing key reads as.
 *
 * Real-world failure it models: the "__proto__ key" family of bugs: a store
 * keyed by client-chosen strings crashes or leaks data between keys when a
 * client writes the key "__proto__" or reads "constructor".
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

/** True when the writer of `context` had seen the version stamped `clock`: clock ≤ context. */
const seen = (clock: VectorClock, context: VectorClock): boolean => {
  const order = clock.compare(context);
  return order === 'before' || order === 'equal';
};

export class VersionedStore<V> {
  readonly #node: NodeId;
  /** The siblings of each key, oldest write first. A Map: every string is an ordinary key. */
  readonly #versions: Record<string, readonly Versioned<V>[]> = {};

  constructor(nodeId: NodeId) {
    this.#node = nodeId;
  }

  get(key: string): ReadResult<V> {
    const siblings = this.#versions[key] ?? [];
    return { siblings: [...siblings], context: siblings.reduce((merged, v) => merged.merge(v.clock), VectorClock.empty()) };
  }

  put(key: string, value: V, context: VectorClock): VectorClock {
    const current = this.#versions[key] ?? [];
    // Uniqueness: above every coordinator counter this write could collide with, replaced siblings included.
    const counter = 1 + current.reduce((top, v) => Math.max(top, v.clock.get(this.#node)), context.get(this.#node));
    const clock = VectorClock.from([...context.entries().filter(([node]) => node !== this.#node), [this.#node, counter]]);
    // Survival is decided by what the writer had read, not by the new clock.
    this.#versions[key] = [...current.filter((v) => !seen(v.clock, context)), { value, clock }];
    return clock;
  }
}
