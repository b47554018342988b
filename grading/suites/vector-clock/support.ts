/**
 * What the vector-clock suites (tasks 1 and 3) share: the learner's modules,
 * loaded safely; a dumb, obviously correct oracle over plain Maps; and the
 * generators of node ids and clocks.
 *
 * The oracle is deliberately not the reference solution: a clock is a
 * `Map<node, counter>` holding only non-zero counters, and every relation is
 * computed by looking at every node of both clocks, so a mistake in a clever
 * shortcut cannot hide by being shared.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { codePointString, gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';

export type ClockModule = typeof import('@impl/vector-clock');
export type StoreModule = typeof import('@impl/vector-clock/versioned-store') & Pick<ClockModule, 'VectorClock'>;
export type Clock = InstanceType<ClockModule['VectorClock']>;
export type Ordering = import('@impl/vector-clock').Ordering;
export type Entries = readonly (readonly [string, number])[];

/** One graded suite per test file; each loads the learner's module in its own beforeAll. */
export const vectorClockSuite = () => gradedSuite<ClockModule>(exerciseSpec('vector-clock'), () => import('@impl/vector-clock'));

/** The store suite needs the learner's VectorClock too: for blind writes (`VectorClock.empty()`). */
export const versionedStoreSuite = () =>
  gradedSuite<StoreModule>(exerciseSpec('vector-clock'), async () => {
    const [clock, store] = await Promise.all([import('@impl/vector-clock'), import('@impl/vector-clock/versioned-store')]);
    return { ...store, VectorClock: clock.VectorClock };
  });

// ---------------------------------------------------------------- the oracle

/** A clock as the oracle sees it: non-zero counters only. */
export type Counters = ReadonlyMap<string, number>;

export const counters = (entries: Entries): Counters => new Map(entries.filter(([, n]) => n !== 0));

/** Plain string order, as the README specifies (UTF-16 code units, like `<`). */
export const byNode = (a: readonly [string, number], b: readonly [string, number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export const sortedEntries = (c: Counters): [string, number][] => [...c].sort(byNode);

const nodesOf = (...clocks: Counters[]): string[] => [...new Set(clocks.flatMap((c) => [...c.keys()]))];
const at = (c: Counters, node: string): number => c.get(node) ?? 0;

export function oracleCompare(a: Counters, b: Counters): Ordering {
  const nodes = nodesOf(a, b);
  const smaller = nodes.some((n) => at(a, n) < at(b, n));
  const larger = nodes.some((n) => at(a, n) > at(b, n));
  return smaller && larger ? 'concurrent' : smaller ? 'before' : larger ? 'after' : 'equal';
}

/** a ≤ b pointwise: b's event had seen a's. */
export const oracleLeq = (a: Counters, b: Counters): boolean => nodesOf(a, b).every((n) => at(a, n) <= at(b, n));

export const oracleMerge = (a: Counters, b: Counters): Counters => new Map(nodesOf(a, b).map((n) => [n, Math.max(at(a, n), at(b, n))]));

/** The learner's clock read back through `get` alone, over the nodes that matter: no other method is trusted. */
export const readClock = (clock: Clock, nodes: Iterable<string>): Counters =>
  new Map([...new Set(nodes)].map((n) => [n, clock.get(n)] as [string, number]).filter(([, c]) => c !== 0));

/** A clock for messages: JSON of its sorted entries, e.g. [["a",2],["b",1]]. */
export const show = (c: Counters): string => JSON.stringify(sortedEntries(c));

/** Asserts that the learner's clock has exactly the oracle's counters at every node in `nodes` and in `expected`. */
export function expectCounters(actual: Clock, expected: Counters, what: string, nodes: Iterable<string> = []): void {
  const read = readClock(actual, [...nodes, ...expected.keys()]);
  expect(show(read), `${what}: counters read with get()`).toBe(show(expected));
}

/** One write to a key, as the oracle store records it. */
export interface OracleWrite {
  readonly value: string;
  readonly context: Counters;
  readonly clock: Counters;
}

/**
 * The versioned store of README task 3, by its definition: it keeps every write
 * ever made, and a write survives exactly when no later write to the same key
 * had a context that descends from (≥) its clock.
 */
export class OracleStore {
  readonly #writes = new Map<string, OracleWrite[]>();

  constructor(readonly node: string) {}

  writes(key: string): readonly OracleWrite[] {
    return this.#writes.get(key) ?? [];
  }

  /** The surviving writes of each key, computed again only after a write to it. */
  readonly #survivors = new Map<string, { siblings: OracleWrite[]; context: Counters }>();

  siblings(key: string): OracleWrite[] {
    return [...this.#read(key).siblings];
  }

  context(key: string): Counters {
    return this.#read(key).context;
  }

  #read(key: string): { siblings: OracleWrite[]; context: Counters } {
    let read = this.#survivors.get(key);
    if (read === undefined) {
      const all = this.writes(key);
      const siblings = all.filter((w, i) => all.slice(i + 1).every((later) => !oracleLeq(w.clock, later.context)));
      read = { siblings, context: siblings.reduce<Counters>((merged, w) => oracleMerge(merged, w.clock), new Map()) };
      this.#survivors.set(key, read);
    }
    return read;
  }

  /** Records the write and returns its clock: context, with this node's counter one above any it could collide with. */
  put(key: string, value: string, context: Counters): Counters {
    const top = Math.max(at(context, this.node), ...this.siblings(key).map((w) => at(w.clock, this.node)));
    const clock = new Map(context).set(this.node, top + 1);
    this.#writes.set(key, [...this.writes(key), { value, context, clock }]);
    this.#survivors.delete(key);
    return clock;
  }
}

// ---------------------------------------------------------------- generators

/** Node ids that break a clock kept in a plain object, or sorted with localeCompare. */
export const AWKWARD_IDS = [
  '', 'constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'B', 'a', 'é', 'e\u0301', '🦀', '\uffff', '\ud800', '\udfff', '\ud83e', 'node-1',
] as const;

/** Strings with lone UTF-16 surrogates (halves of a pair, alone or out of order): still strings, so still node ids. */
export const loneSurrogateArb: fc.Arbitrary<string> = fc.string({ unit: fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\ud83e', '\udd80', 'a', 'é'), minLength: 1, maxLength: 3 });

/** Any string can be a node id: plain names (what a counterexample shrinks to), the awkward ones above, short ASCII, any Unicode. */
export const nodeIdArb: fc.Arbitrary<string> = fc.oneof(
  { withCrossShrink: true },
  fc.constantFrom('a', 'b', 'c'),
  fc.constantFrom(...AWKWARD_IDS),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
  codePointString({ maxLength: 3 }),
  loneSurrogateArb,
);

/** Largest counter a generated clock holds, leaving headroom for a few increments below Number.MAX_SAFE_INTEGER. */
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER - 16;

/** Counters: mostly small, so clocks collide and order; sometimes far beyond 32 bits. */
export const counterArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2 ** 31, max: MAX_COUNTER }) },
);

/** Counters at both ends of the range from() accepts, and just inside them, with a few ordinary ones. */
export const edgeCounterArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }) },
);

/** A few distinct node ids that a family of clocks shares, so that its clocks overlap and order. */
export const nodesArb = fc.uniqueArray(nodeIdArb, { minLength: 1, maxLength: 4 });

/** Entries over `nodes`, one per node (some 0, which from() drops), in a random order. */
export const entriesOver = (nodes: readonly string[]): fc.Arbitrary<[string, number][]> =>
  fc.tuple(fc.array(counterArb, { minLength: nodes.length, maxLength: nodes.length }), fc.infiniteStream(fc.nat())).map(([values, order]) => {
    const entries = nodes.map((node, i): [string, number] => [node, values[i]!]);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = order.next().value % (i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return entries;
  });

/** `count` clocks over one shared set of nodes, as entries, so that they overlap and order. */
export const familyArb = (count: number): fc.Arbitrary<{ nodes: string[]; clocks: [string, number][][] }> =>
  nodesArb.chain((nodes) => fc.record({ nodes: fc.constant(nodes), clocks: fc.array(entriesOver(nodes), { minLength: count, maxLength: count }) }));

const bumpsArb = (length: number) => fc.array(fc.integer({ min: 0, max: 2 }), { minLength: length, maxLength: length });

/**
 * A clock and two successors: b = a + bumps, c = b + bumps (bumps of 0 to 2 per
 * node), so that a ≤ b ≤ c and the order laws have something to chew on.
 */
export const chainArb = familyArb(1).chain(({ nodes, clocks: [a] }) =>
  fc.tuple(bumpsArb(nodes.length), bumpsArb(nodes.length)).map(([up1, up2]) => {
    const b = a!.map(([node, n], i): [string, number] => [node, n + up1[i]!]);
    const c = b.map(([node, n], i): [string, number] => [node, n + up2[i]!]);
    return { nodes, a: a!, b, c };
  }),
);

export { expectRangeError } from '../../../harness/suite';
