/**
 * Broken versioned store: siblings are replaced when the new clock descends from them.
 *
 * The mistake: put drops every sibling whose clock ≤ the NEW version's clock,
 * instead of ≤ the context the writer sent.
 *
 * Why it is wrong: the new clock is the context plus a coordinator counter
 * raised above every sibling's, so through one coordinator it descends from
 * every sibling, including those the writer never read. What a write may
 * replace is decided by what its writer had seen: the context.
 *
 * Real-world failure it models: a classic pitfall of stamping versions on the
 * server: through one coordinator it degenerates into last-writer-wins, and
 * concurrent writes sent with the same stale context erase each other.
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
    // Drop every version the new one descends from.
    this.#versions.set(key, [...current.filter((v) => !seen(v.clock, clock)), { value, clock }]);
    return clock;
  }
}
