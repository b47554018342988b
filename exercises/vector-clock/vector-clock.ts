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
 * [VC-1.2] A clock is a value: no method changes it, every operation returns
 * its result as a clock (new, or an equal one the caller holds). Store the counters however you like (add fields and a
 * constructor, private is fine), but [VC-1.5] a node id is any string,
 * including `''`, `'constructor'`, `'__proto__'` and lone surrogates, so
 * choose a structure where every string is an ordinary key. [VC-1.6] Ids are
 * never normalised: `'é'` and `'e\u0301'` are two nodes.
 *
 * [VC-0.1] Every argument error is a `RangeError` whose message names the node
 * or says what was wrong with the text; none is empty.
 */
import { NotImplementedError } from '@faultline/harness';

/** A node's name: any string, compared as plain JavaScript strings (`<`, UTF-16 code units). */
export type NodeId = string;

/** How one event relates to another in the happened-before order. */
export type Ordering = 'before' | 'after' | 'equal' | 'concurrent';

export class VectorClock {
  /** [VC-1.7] The clock with every counter 0 (the clock before any event). */
  static empty(): VectorClock {
    throw new NotImplementedError('VectorClock.empty');
  }

  /**
   * [VC-1.8] A clock from `[node, counter]` pairs, in any order, from any iterable
   * (an array, a Map, a Set, a generator: read it once). Zero counters are dropped
   * (a missing node and a node at 0 are the same clock). [VC-1.3] The clock keeps
   * nothing of `entries`: the caller may change the array or its pairs afterwards.
   * @throws [VC-1.17] RangeError naming the node when a counter is not a safe
   *   integer >= 0 (negative, fractional, NaN, ±Infinity, above
   *   Number.MAX_SAFE_INTEGER; 0 and Number.MAX_SAFE_INTEGER are valid), or
   *   [VC-1.18] when a node is listed twice (even if one of the two counters is 0).
   */
  static from(entries: Iterable<readonly [NodeId, number]>): VectorClock {
    throw new NotImplementedError('VectorClock.from');
  }

  /**
   * [VC-1.1] This node's counter, 0 when the clock has none. Node ids are arbitrary strings:
   * `get('constructor')` of a clock without that node is 0, not a function.
   */
  get(node: NodeId): number {
    throw new NotImplementedError(`VectorClock.get(${JSON.stringify(node)})`);
  }

  /**
   * [VC-1.9] A new clock with `node`'s counter one higher and every other counter
   * the same; this clock is unchanged. [VC-1.10] At Number.MAX_SAFE_INTEGER, either
   * a RangeError naming the node or the counter one higher (2^53): the README leaves
   * the choice to you.
   */
  increment(node: NodeId): VectorClock {
    throw new NotImplementedError(`VectorClock.increment(${JSON.stringify(node)})`);
  }

  /**
   * [VC-1.11] The least upper bound of the two clocks: a new clock whose counter for each
   * node is the larger of the two. Commutative, associative, idempotent. Neither
   * clock changes.
   */
  merge(other: VectorClock): VectorClock {
    throw new NotImplementedError('VectorClock.merge');
  }

  /**
   * [VC-1.12] How this clock's event relates to `other`'s, looking at every node either clock has:
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

  /**
   * [VC-1.14] The non-zero counters as `[node, counter]` pairs, sorted by node id with
   * plain `<` (not localeCompare). [VC-1.4] A new array of new pairs at every call.
   */
  entries(): [NodeId, number][] {
    throw new NotImplementedError('VectorClock.entries');
  }

  /**
   * [VC-1.15] Canonical text: equal clocks give equal text, whatever order their counters
   * were set in. The format is `JSON.stringify(this.entries())`, e.g.
   * `[["a",2],["b",1]]`; the empty clock is `[]`.
   */
  serialize(): string {
    throw new NotImplementedError('VectorClock.serialize');
  }

  /**
   * [VC-1.16] The clock that `serialize` wrote: `deserialize(c.serialize())` is equal to `c`.
   * @throws [VC-1.19] RangeError on text that is not JSON, JSON that is not an
   *   array, an element that is not a `[string, number]` pair, a counter that
   *   `from` would reject, a node listed twice. [VC-1.20] Other text `serialize`
   *   would never write (a zero counter, pairs out of order, spaces, `1e0`): read it
   *   as `from` would, or throw a RangeError; the README leaves the choice to you.
   */
  static deserialize(text: string): VectorClock {
    throw new NotImplementedError('VectorClock.deserialize');
  }
}
