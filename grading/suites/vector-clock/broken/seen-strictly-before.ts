/**
 * Broken versioned store: a sibling is replaced only when its clock is strictly before the context.
 *
 * The mistake: put treats a sibling as seen only when compare answers 'before',
 * forgetting 'equal'.
 *
 * Why it is wrong: after a read of a key with one version, the context is that
 * version's clock: 'equal', and the writer has seen it exactly. Keeping it makes
 * the old value a sibling of its own successor.
 *
 * Real-world failure it models: every read-modify-write of a key keeps the value
 * it replaced; siblings grow by one per update (sibling explosion) and readers
 * see stale values beside the current one.
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
  return clock.compare(context) === 'before';
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
    this.#versions.set(key, [...current.filter((v) => !seen(v.clock, context)), { value, clock }]);
    return clock;
  }
}
