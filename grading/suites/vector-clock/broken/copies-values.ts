/**
 * Broken versioned store: put stores a copy of the value.
 *
 * The mistake: put keeps structuredClone(value), a defensive copy, so that a
 * caller changing its object later cannot change the store.
 *
 * Clause broken: VC-3.10, values are kept by reference, never copied: get
 * returns the very value put stored. A copy is not the same object, loses its
 * prototype, and fails outright on a value with a method.
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
    // Survival is decided by what the writer had read, not by the new clock.
    this.#versions.set(key, [...current.filter((v) => !seen(v.clock, context)), { value: structuredClone(value), clock }]);
    return clock;
  }
}
