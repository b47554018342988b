/**
 * Broken versioned store: the new clock is context.increment(coordinator).
 *
 * The mistake: put stamps the new version with the context incremented at the
 * coordinator, ignoring the coordinator counters of the current siblings.
 *
 * Why it is wrong: two writers who read the same context get the same clock for
 * two different values. Equal clocks mean the same version, so a later reader, a
 * replica or an anti-entropy pass that compares clocks keeps only one of them.
 * The contract raises the counter above every current sibling's to prevent it.
 *
 * Real-world failure it models: two concurrent writes through one coordinator
 * collide on one version stamp; a replica that receives both keeps one: a lost
 * write that no clock comparison can detect.
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
    const clock = context.increment(this.#node);
    // Survival is decided by what the writer had read, not by the new clock.
    this.#versions.set(key, [...current.filter((v) => !seen(v.clock, context)), { value, clock }]);
    return clock;
  }
}
