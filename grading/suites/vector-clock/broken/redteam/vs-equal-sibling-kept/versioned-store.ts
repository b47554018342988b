/**
 * Versioned store — task 3 (Dynamo §4.4).
 */
import { VectorClock, type NodeId } from './vector-clock';

/** One version of a key's value, stamped with the clock of the write that made it. */
export interface Versioned<V> {
  readonly value: V;
  readonly clock: VectorClock;
}

/** What a read returns: every version the store keeps, and the context to write back with. */
export interface ReadResult<V> {
  readonly siblings: readonly Versioned<V>[];
  readonly context: VectorClock;
}

export class VersionedStore<V> {
  readonly #node: NodeId;
  readonly #keys = new Map<string, Versioned<V>[]>();

  constructor(nodeId: NodeId) {
    this.#node = nodeId;
  }

  /** The versions of `key` and their merged context. Pure: reading changes nothing. */
  get(key: string): ReadResult<V> {
    const siblings = [...(this.#keys.get(key) ?? [])];
    const context = siblings.reduce((c, v) => c.merge(v.clock), VectorClock.empty());
    return { siblings, context };
  }

  /** Writes `value` under `key` and returns the new version's clock. */
  put(key: string, value: V, context: VectorClock): VectorClock {
    const current = this.#keys.get(key) ?? [];
    let top = context.get(this.#node);
    for (const v of current) top = Math.max(top, v.clock.get(this.#node));
    const clock = VectorClock.from([
      ...context.entries().filter(([n]) => n !== this.#node),
      [this.#node, top + 1] as const,
    ]);
    const kept = current.filter((v) => {
      const order = v.clock.compare(context);
      return order !== 'before';
    });
    kept.push({ value, clock });
    this.#keys.set(key, kept);
    return clock;
  }
}
