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
 * [VC-1.2] A clock is a value: no method changes it, every operation returns a
 * new clock. Store the counters however you like (add fields and a
 * constructor, private is fine), but [VC-1.5] a node id is any string,
 * including `''`, `'constructor'`, `'__proto__'` and lone surrogates, so
 * choose a structure where every string is an ordinary key. [VC-1.6] Ids are
 * never normalised: `'é'` and `'e\u0301'` are two nodes.
 *
 * [VC-0.1] Every argument error is a `RangeError` whose message names the node
 * or says what was wrong with the text; none is empty.
 */

/** A node's name: any string, compared as plain JavaScript strings (`<`, UTF-16 code units). */
export type NodeId = string;

/** How one event relates to another in the happened-before order. */
export type Ordering = 'before' | 'after' | 'equal' | 'concurrent';

/** Names a node in an error message: the raw id, plus its JSON spelling when that differs. */
function describeNode(node: unknown): string {
  if (typeof node !== 'string') return `(not a string: ${describeValue(node)})`;
  const quoted = `"${node}"`;
  const json = JSON.stringify(node);
  return json === quoted ? quoted : `${quoted} (${json})`;
}

/** Spells any value for an error message without ever throwing. */
function describeValue(value: unknown): string {
  try {
    if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'symbol') return value.toString();
    if (typeof value === 'bigint') return `${value.toString()}n`;
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function byNodeId(a: readonly [NodeId, number], b: readonly [NodeId, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

export class VectorClock {
  /** The non-zero counters. Never changed after construction. */
  private readonly counters: ReadonlyMap<NodeId, number>;

  private constructor(counters: Map<NodeId, number>) {
    this.counters = counters;
  }

  /** [VC-1.7] The clock with every counter 0 (the clock before any event). */
  static empty(): VectorClock {
    return new VectorClock(new Map());
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
    if (entries === null || entries === undefined || typeof (entries as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
      throw new RangeError(`VectorClock.from: expected an iterable of [node, counter] pairs, got ${describeValue(entries)}`);
    }
    const seen = new Set<NodeId>();
    const counters = new Map<NodeId, number>();
    for (const entry of entries) {
      if (entry === null || entry === undefined || (typeof entry !== 'object' && typeof entry !== 'string')) {
        throw new RangeError(`VectorClock.from: expected a [node, counter] pair, got ${describeValue(entry)}`);
      }
      const node: unknown = entry[0];
      const counter: unknown = entry[1];
      if (typeof node !== 'string') {
        throw new RangeError(`VectorClock.from: a node id must be a string, got ${describeValue(node)}`);
      }
      if (seen.has(node)) {
        throw new RangeError(`VectorClock.from: node ${describeNode(node)} is listed twice`);
      }
      seen.add(node);
      if (typeof counter !== 'number' || !Number.isSafeInteger(counter) || counter < 0) {
        throw new RangeError(
          `VectorClock.from: the counter of node ${describeNode(node)} is ${describeValue(counter)}, ` +
            `not a safe integer from 0 to ${Number.MAX_SAFE_INTEGER}`,
        );
      }
      if (counter !== 0) counters.set(node, counter);
    }
    return new VectorClock(counters);
  }

  /**
   * [VC-1.1] This node's counter, 0 when the clock has none. Node ids are arbitrary strings:
   * `get('constructor')` of a clock without that node is 0, not a function.
   */
  get(node: NodeId): number {
    return this.counters.get(node) ?? 0;
  }

  /**
   * [VC-1.9] A new clock with `node`'s counter one higher and every other counter
   * the same; this clock is unchanged. [VC-1.10] At Number.MAX_SAFE_INTEGER, either
   * a RangeError naming the node or the counter one higher (2^53): the README leaves
   * the choice to you.
   */
  increment(node: NodeId): VectorClock {
    const current = this.get(node);
    if (current >= Number.MAX_SAFE_INTEGER) {
      throw new RangeError(
        `VectorClock.increment: the counter of node ${describeNode(node)} is already ` +
          `Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER}) and cannot go higher`,
      );
    }
    const counters = new Map(this.counters);
    counters.set(node, current + 1);
    return new VectorClock(counters);
  }

  /**
   * [VC-1.11] The least upper bound of the two clocks: a new clock whose counter for each
   * node is the larger of the two. Commutative, associative, idempotent. Neither
   * clock changes.
   */
  merge(other: VectorClock): VectorClock {
    const counters = new Map(this.counters);
    for (const [node, counter] of other.counters) {
      const mine = counters.get(node) ?? 0;
      if (counter > mine) counters.set(node, counter);
    }
    return new VectorClock(counters);
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
    let smaller = false;
    let larger = false;
    for (const [node, mine] of this.counters) {
      const theirs = other.get(node);
      if (mine < theirs) smaller = true;
      else if (mine > theirs) larger = true;
    }
    for (const [node, theirs] of other.counters) {
      const mine = this.get(node);
      if (mine < theirs) smaller = true;
      else if (mine > theirs) larger = true;
    }
    if (smaller && larger) return 'concurrent';
    if (smaller) return 'before';
    if (larger) return 'after';
    return 'equal';
  }

  /**
   * [VC-1.14] The non-zero counters as `[node, counter]` pairs, sorted by node id with
   * plain `<` (not localeCompare). [VC-1.4] A new array of new pairs at every call.
   */
  entries(): [NodeId, number][] {
    const pairs: [NodeId, number][] = [];
    for (const [node, counter] of this.counters) pairs.push([node, counter]);
    return pairs.sort(byNodeId);
  }

  /**
   * [VC-1.15] Canonical text: equal clocks give equal text, whatever order their counters
   * were set in. The format is `JSON.stringify(this.entries())`, e.g.
   * `[["a",2],["b",1]]`; the empty clock is `[]`.
   */
  serialize(): string {
    return JSON.stringify(this.entries());
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
    if (typeof text !== 'string') {
      throw new RangeError(`VectorClock.deserialize: expected text, got ${describeValue(text)}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : describeValue(error);
      throw new RangeError(`VectorClock.deserialize: the text is not JSON (${reason}): ${JSON.stringify(text.slice(0, 80))}`);
    }
    if (!Array.isArray(parsed)) {
      throw new RangeError(
        `VectorClock.deserialize: expected a JSON array of [node, counter] pairs, got ${parsed === null ? 'null' : typeof parsed}`,
      );
    }
    const pairs: [NodeId, number][] = [];
    for (let i = 0; i < parsed.length; i++) {
      const element: unknown = parsed[i];
      if (!Array.isArray(element) || element.length < 2 || typeof element[0] !== 'string' || typeof element[1] !== 'number') {
        throw new RangeError(
          `VectorClock.deserialize: element ${i} is ${JSON.stringify(element)}, not a [string, number] pair`,
        );
      }
      pairs.push([element[0], element[1]]);
    }
    try {
      return VectorClock.from(pairs);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new RangeError(error.message.replace(/^VectorClock\.from:/, 'VectorClock.deserialize:'));
      }
      throw error;
    }
  }
}
