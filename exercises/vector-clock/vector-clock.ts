/**
 * Vector clock — your file (task 1). Replace each `throw new NotImplementedError(...)`
 * with an implementation; keep the exports and their signatures.
 *
 * A vector clock is one counter per node. Node `n` raises its own counter for
 * each event it records, and a message carries the sender's clock so the
 * receiver can merge it into its own. Comparing two clocks then says whether
 * one event happened before the other (Lamport, 1978) or whether they were
 * concurrent, which a single number cannot tell you. Dynamo and Riak keep one
 * on every stored value. README.md has the tasks and hints.
 *
 * A clock is a value: no method changes it, every operation returns a new
 * clock. Store the counters however you like (add fields and a constructor,
 * private is fine), but a node id is any string, including `''`,
 * `'constructor'` and `'__proto__'`, so choose a structure where every string
 * is an ordinary key.
 *
 * Every argument error is a `RangeError` whose message names the node or says
 * what was wrong with the text.
 */
import { NotImplementedError } from '@faultline/harness';

/** A node's name: any string, compared as plain JavaScript strings (`<`, UTF-16 code units). */
export type NodeId = string;

/** How one event relates to another in the happened-before order. */
export type Ordering = 'before' | 'after' | 'equal' | 'concurrent';

export class VectorClock {
  /** The clock with every counter 0 (the clock before any event). */
  static empty(): VectorClock {
    throw new NotImplementedError('VectorClock.empty');
  }

  /**
   * A clock from `[node, counter]` pairs, in any order. Zero counters are dropped
   * (a missing node and a node at 0 are the same clock).
   * @throws RangeError naming the node when a counter is not a safe integer >= 0
   *   (negative, fractional, NaN, ±Infinity, above Number.MAX_SAFE_INTEGER), or
   *   when a node is listed twice (even if one of the two counters is 0).
   */
  static from(entries: Iterable<readonly [NodeId, number]>): VectorClock {
    throw new NotImplementedError('VectorClock.from');
  }

  /**
   * This node's counter, 0 when the clock has none. Node ids are arbitrary strings:
   * `get('constructor')` of a clock without that node is 0, not a function.
   */
  get(node: NodeId): number {
    throw new NotImplementedError(`VectorClock.get(${JSON.stringify(node)})`);
  }

  /** A new clock with `node`'s counter one higher and every other counter the same; this clock is unchanged. */
  increment(node: NodeId): VectorClock {
    throw new NotImplementedError(`VectorClock.increment(${JSON.stringify(node)})`);
  }

  /**
   * The least upper bound of the two clocks: a new clock whose counter for each
   * node is the larger of the two. Commutative, associative, idempotent. Neither
   * clock changes.
   */
  merge(other: VectorClock): VectorClock {
    throw new NotImplementedError('VectorClock.merge');
  }

  /**
   * How this clock's event relates to `other`'s, looking at every node either clock has:
   *
   * - `'equal'`      every counter matches (also for two clocks built separately);
   * - `'before'`     every counter of this ≤ other's, and at least one is smaller: this happened before;
   * - `'after'`      the converse: other happened before this;
   * - `'concurrent'` some counter is smaller and another larger: neither saw the other.
   *
   * Pure: neither clock changes.
   */
  compare(other: VectorClock): Ordering {
    throw new NotImplementedError('VectorClock.compare');
  }

  /** The non-zero counters as `[node, counter]` pairs, sorted by node id with plain `<` (not localeCompare). */
  entries(): [NodeId, number][] {
    throw new NotImplementedError('VectorClock.entries');
  }

  /**
   * Canonical text: equal clocks give equal text, whatever order their counters
   * were set in. The format is `JSON.stringify(this.entries())`, e.g.
   * `[["a",2],["b",1]]`; the empty clock is `[]`.
   */
  serialize(): string {
    throw new NotImplementedError('VectorClock.serialize');
  }

  /**
   * The clock that `serialize` wrote: `deserialize(c.serialize())` is equal to `c`.
   * @throws RangeError on anything else: text that is not JSON, JSON that is not
   *   an array, an element that is not a `[string, number]` pair, a counter that
   *   `from` would reject, a node listed twice.
   */
  static deserialize(text: string): VectorClock {
    throw new NotImplementedError('VectorClock.deserialize');
  }
}
