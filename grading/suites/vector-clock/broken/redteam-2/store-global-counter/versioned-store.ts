/**
 * Versioned store — your file (task 3). Replace each `throw new NotImplementedError(...)`
 * with an implementation; keep the exports and their signatures.
 *
 * A key-value store that never silently loses a concurrent write, as Dynamo
 * does (DeCandia et al., SOSP 2007, §4.4 "Data Versioning") and Riak after it:
 * every version carries a vector clock; a write names what its writer had read
 * (the read's context), replaces exactly those versions, and keeps every other
 * one as a sibling for a later reader to reconcile. README.md, task 3, walks
 * through an example.
 *
 * Use your `VectorClock` from task 1. [VC-3.2] Keys are arbitrary strings (`''`,
 * `'__proto__'`, `'constructor'` are ordinary keys) and independent of each other.
 * [VC-3.10] Values are kept by reference: the store never copies or changes one.
 */
import { VectorClock, type NodeId } from './vector-clock';

/** One version of a key's value, stamped with the clock of the write that made it. */
export interface Versioned<V> {
  readonly value: V;
  readonly clock: VectorClock;
}

/** What a read returns: every version the store keeps, and the context to write back with. */
export interface ReadResult<V> {
  /** [VC-3.3] Every version no later write had seen, oldest write first; empty for a key never written. */
  readonly siblings: readonly Versioned<V>[];
  /** [VC-3.4] The merge of the siblings' clocks (the empty clock when there are none): pass it to put to replace them all. */
  readonly context: VectorClock;
}

export class VersionedStore<V> {
  /** The coordinator id that stamps every write this store accepts. */
  private readonly nodeId: NodeId;
  /** Per key, the current siblings, oldest write first. A Map, so every string is an ordinary key. */
  private readonly versions = new Map<string, Versioned<V>[]>();
  /** The highest counter this coordinator has stamped, across every key. */
  private stamped = 0;

  /**
   * An empty store whose writes are stamped by coordinator `nodeId` (Dynamo §4.4:
   * the node that handles a write advances its own counter in the version's clock).
   * [VC-3.1] Any string is an id; two stores built with the same id share nothing.
   */
  constructor(nodeId: NodeId) {
    this.nodeId = nodeId;
  }

  /**
   * The versions of `key` and their merged context. [VC-3.9] Pure: reading changes
   * nothing, and a caller that changes the `siblings` array it got (through a cast)
   * changes neither the store nor a later read: return a copy, or a frozen array.
   */
  get(key: string): ReadResult<V> {
    const current = this.versions.get(key) ?? [];
    let context = VectorClock.empty();
    const siblings: Versioned<V>[] = [];
    for (const version of current) {
      context = context.merge(version.clock);
      // A fresh record per read: the value itself is the one `put` stored [VC-3.10].
      siblings.push({ value: version.value, clock: version.clock });
    }
    return { siblings, context };
  }

  /**
   * Writes `value` under `key` and returns the new version's clock.
   *
   * `context` is what the writer had read: a context from `get` (fresh or stale),
   * or `VectorClock.empty()` for a blind write.
   *
   * - [VC-3.5] Every current sibling whose clock ≤ `context` (compare gives 'before' or
   *   'equal': the writer had seen it) is replaced; every other sibling stays,
   *   because the writer never saw it (a concurrent write). Survival is decided
   *   by the context, never by the new clock.
   * - [VC-3.6] The new version's clock is `context` with the coordinator's counter set to
   *   1 + the largest coordinator counter among `context` and the clocks of all
   *   current siblings, so two writes sent with the same stale context still get
   *   different clocks. The new version is the newest sibling. [VC-3.7] Equal
   *   values written concurrently are two siblings: a sibling is a version.
   *
   * [VC-3.8] `context` itself does not change.
   */
  put(key: string, value: V, context: VectorClock): VectorClock {
    const node = this.nodeId;
    const current = this.versions.get(key) ?? [];

    // [VC-3.6] The coordinator's counter: one above any it knows of, before anything is dropped.
    let highest = context.get(node);
    for (const version of current) {
      const counter = version.clock.get(node);
      if (counter > highest) highest = counter;
    }
    const pairs: [NodeId, number][] = context.entries().filter(([id]) => id !== node);
    if (this.stamped > highest) highest = this.stamped;
    this.stamped = highest + 1;
    pairs.push([node, highest + 1]);
    const clock = VectorClock.from(pairs);

    // [VC-3.5] Survival is decided by the context: what the writer had seen is replaced.
    const survivors = current.filter((version) => {
      const order = version.clock.compare(context);
      return order !== 'before' && order !== 'equal';
    });
    survivors.push({ value, clock });
    this.versions.set(key, survivors);
    return clock;
  }
}
