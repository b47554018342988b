/**
 * Broken versioned store: coordinators with the same id share a counter.
 *
 * The mistake: the coordinator's counter is kept in a module-level Map by node
 * id, and every write takes the next one, like a Lamport clock per node.
 *
 * Clause broken: VC-3.1 (and VC-3.6): each store is on its own, and stamps by
 * the rule alone, 1 + the largest coordinator counter among the context and the
 * key's siblings. A shared counter stamps a blind write to a new key far above
 * what the rule gives.
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

/** The last counter each node id stamped, across every store and key. */
const lastStamped = new Map<NodeId, number>();

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
    const counter = 1 + current.reduce((top, v) => Math.max(top, v.clock.get(this.#node)), Math.max(context.get(this.#node), lastStamped.get(this.#node) ?? 0));
    lastStamped.set(this.#node, counter);
    const clock = VectorClock.from([...context.entries().filter(([node]) => node !== this.#node), [this.#node, counter]]);
    // Survival is decided by what the writer had read, not by the new clock.
    this.#versions.set(key, [...current.filter((v) => !seen(v.clock, context)), { value, clock }]);
    return clock;
  }
}
