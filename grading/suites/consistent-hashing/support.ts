/**
 * What the consistent-hashing suites share: the learner's modules, loaded
 * safely; dumb, obviously correct oracles of the three placements; the hashes
 * the suite injects; and the generators of node ids, keys and memberships.
 *
 * The oracles are deliberately not the reference solution. The ring oracle
 * lists every virtual node, sorts them with an explicit three-way comparison
 * and walks the list from its start for every lookup: no binary search, no
 * incremental bookkeeping, so a mistake in either cannot hide by being shared.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { codePointString, expectRangeError, gradedSuite } from '../../../harness/suite';
import { exerciseSpec } from '../../catalog';
import { hash32, type HashFn } from '../../../exercises/consistent-hashing/hash';

export type RingModule = typeof import('@impl/consistent-hashing');
export type RendezvousModule = typeof import('@impl/consistent-hashing/rendezvous');
export type JumpModule = typeof import('@impl/consistent-hashing/jump-hash');
export type Ring = InstanceType<RingModule['Ring']>;
export type Rendezvous = InstanceType<RendezvousModule['Rendezvous']>;
export { hash32, type HashFn };

/** One graded suite per test file; each loads the learner's module in its own beforeAll. */
export const ringSuite = () => gradedSuite<RingModule>(exerciseSpec('consistent-hashing'), () => import('@impl/consistent-hashing'));
export const rendezvousSuite = () => gradedSuite<RendezvousModule>(exerciseSpec('consistent-hashing'), () => import('@impl/consistent-hashing/rendezvous'));
export const jumpSuite = () => gradedSuite<JumpModule>(exerciseSpec('consistent-hashing'), () => import('@impl/consistent-hashing/jump-hash'));

export const TOP = 2 ** 32 - 1;
export const DEFAULT_VNODES = 160;

/** JavaScript's `<` on strings (UTF-16 code units), as a comparison. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------- hashes

/** A hash the suite injects, with the name a failure prints. */
export interface NamedHash {
  readonly name: string;
  readonly fn: HashFn;
}

const named = (name: string, fn: HashFn): NamedHash => ({ name, fn });

/** True for a token label, `node#i`: what follows the last `#` is a decimal number. */
const isLabel = (s: string): boolean => /#(0|[1-9][0-9]*)$/.test(s);

/**
 * The hashes that make a ring's mistakes show:
 * - murmur3 itself, the default;
 * - murmur3 mod a small number: nearly every token collides with another, so
 *   the tie-break decides every lookup, and removing a node must keep the
 *   other node's virtual node at the same token;
 * - everything crowded at the top of the space, 2³² − 64 … 2³² − 1: keys past
 *   the last token wrap;
 * - tokens in the middle and keys at 0, 1, 2³² − 2 and 2³² − 1 only: every key
 *   is before the first token or after the last;
 * - one constant: every token and key at the same point.
 */
export const hashArb: fc.Arbitrary<NamedHash> = fc.oneof(
  fc.constant(named('hash32', hash32)),
  fc.integer({ min: 1, max: 7 }).map((m) => named(`hash32(s) mod ${m}`, (s) => hash32(s) % m)),
  fc.constant(named('hash32 crowded into [2³² − 64, 2³² − 1]', (s) => TOP - (hash32(s) % 64))),
  fc.constant(
    named('labels in the middle, keys at 0, 1, 2³² − 2 and 2³² − 1', (s) =>
      isLabel(s) ? 2 ** 31 + (hash32(s) % 1000) : [0, 1, TOP - 1, TOP][hash32(s) & 3]!,
    ),
  ),
  fc.constantFrom(0, 1, 2 ** 31, TOP).map((c) => named(`the constant ${c}`, () => c)),
);

/** A hash that counts its calls and remembers what it hashed. */
export class CountingHash {
  calls: string[] = [];
  constructor(readonly inner: HashFn = hash32) {}
  readonly fn: HashFn = (s) => {
    this.calls.push(s);
    return this.inner(s);
  };
  take(): string[] {
    const calls = this.calls;
    this.calls = [];
    return calls;
  }
}

// ---------------------------------------------------------------- ids and keys

/**
 * Node ids: plain names, ids that are prefixes of one another (`a`, `a1`,
 * `a10`: labels built without a separator collide; `a` and `a!`, whose labels
 * sort the other way round from the ids), ids with `#` and digits in them,
 * non-ASCII ones, lone surrogates (hashed as U+FFFD, so `\ud800` and `\ufffd`
 * collide on every token), and the names of Object.prototype's members.
 */
export const nodeIdArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'a1', 'a10', 'a#1', 'a#1#0', 'a!', 'a ', 'web-1', 'web-10', '__proto__', 'constructor', 'toString', 'é', '\u{1f600}', ' ', '#', '0'),
  // A lone surrogate hashes as U+FFFD: two ids whose every token collides.
  fc.constantFrom('\ud800', '\ufffd', 'x\udc00', 'x\ufffd'),
  fc.string({ minLength: 1, maxLength: 6 }),
  codePointString({ minLength: 1, maxLength: 4 }),
);

/** Keys: any string, the empty one included, and some that look like token labels. */
export const keyArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'a', 'a#0', 'user:1', '#', '__proto__', '\u{1f600}'),
  fc.string({ maxLength: 12 }),
  codePointString({ maxLength: 6 }),
);

/** Distinct node ids with a weight each, 1 to `maxNodes` of them. */
export function membersArb(maxNodes: number, weight: fc.Arbitrary<number>): fc.Arbitrary<[string, number][]> {
  return fc.uniqueArray(fc.tuple(nodeIdArb, weight), { minLength: 1, maxLength: maxNodes, selector: ([id]) => id });
}

export const describeMembers = (members: readonly (readonly [string, number])[]): string =>
  members.map(([id, w]) => (w === 1 ? JSON.stringify(id) : `${JSON.stringify(id)} × ${w}`)).join(', ');

// ---------------------------------------------------------------- what both placements do

/** What the ring and rendezvous hashing share: what sessions and the movement checks call. */
export interface Placement {
  addNode(node: string, weight?: number): void;
  removeNode(node: string): void;
  nodes(): string[];
  owner(key: string): string;
  preferenceList(key: string, n: number): string[];
}

/**
 * Minimal movement, on a placement that holds some members: a node joining
 * takes keys only for itself, leaving again gives every key back to its
 * owner, and a member leaving (`leaver`, when there is one to spare) moves
 * only the keys it owned.
 */
export function expectMinimalMovement(placement: Placement, keys: readonly string[], joiner: readonly [string, number], leaver: string | undefined, story: string): void {
  const before = keys.map((k) => placement.owner(k));
  const [node, weight] = joiner;
  placement.addNode(node, weight);
  keys.forEach((k, i) => {
    const now = placement.owner(k);
    if (now !== before[i]) expect(now, `owner(${k}) after ${node} of weight ${weight} joined (${story}): it was ${before[i]}`).toBe(node);
  });
  placement.removeNode(node);
  keys.forEach((k, i) => expect(placement.owner(k), `owner(${k}) after ${node} joined and left again (${story})`).toBe(before[i]));
  if (leaver === undefined) return;
  placement.removeNode(leaver);
  keys.forEach((k, i) => {
    if (before[i] !== leaver) expect(placement.owner(k), `owner(${k}) after ${JSON.stringify(leaver)} left (${story})`).toBe(before[i]);
  });
}

// ---------------------------------------------------------------- the ring oracle

export interface OracleVnode {
  readonly token: number;
  readonly node: string;
  readonly i: number;
}

/** Every virtual node of `members`, in ring order: token, then node id by `<`, then i. */
export function ringOrder(members: ReadonlyMap<string, number>, vnodes: number, hash: HashFn): OracleVnode[] {
  const all: OracleVnode[] = [];
  for (const [node, weight] of members) for (let i = 0; i < vnodes * weight; i++) all.push({ token: hash(`${node}#${i}`), node, i });
  return all.sort((a, b) => (a.token < b.token ? -1 : a.token > b.token ? 1 : byId(a.node, b.node) || a.i - b.i));
}

export class OracleRing {
  readonly members = new Map<string, number>();
  #order: OracleVnode[] | undefined;

  constructor(
    readonly vnodes: number,
    readonly hash: HashFn,
  ) {}

  add(node: string, weight = 1): void {
    this.members.set(node, weight);
    this.#order = undefined;
  }

  remove(node: string): void {
    this.members.delete(node);
    this.#order = undefined;
  }

  nodes(): string[] {
    return [...this.members.keys()].sort(byId);
  }

  order(): OracleVnode[] {
    return (this.#order ??= ringOrder(this.members, this.vnodes, this.hash));
  }

  /** Where the walk for `key` starts: the first virtual node whose token is at or after hash(key), else the first. */
  start(key: string): number {
    const position = this.hash(key);
    const order = this.order();
    const at = order.findIndex((v) => v.token >= position);
    return at === -1 ? 0 : at;
  }

  owner(key: string): string {
    return this.order()[this.start(key)]!.node;
  }

  /** The whole circle walked once from the key's virtual node; a Set keeps each node where it first appears. */
  preferenceList(key: string, n: number): string[] {
    const order = this.order();
    const start = this.start(key);
    const walk = [...order.slice(start), ...order.slice(0, start)].map((v) => v.node);
    return [...new Set(walk)].slice(0, n);
  }
}

/** A learner's ring and the oracle, both given `members` in order. */
export function buildRing(RingClass: RingModule['Ring'], vnodes: number, hash: HashFn, members: readonly (readonly [string, number])[]): [Ring, OracleRing] {
  const ring = new RingClass({ vnodes, hash });
  const oracle = new OracleRing(vnodes, hash);
  for (const [node, weight] of members) {
    ring.addNode(node, weight);
    oracle.add(node, weight);
  }
  return [ring, oracle];
}

// ---------------------------------------------------------------- the rendezvous oracle

/** The README's score, written out as the README writes it. */
export function score(hash: HashFn, node: string, weight: number, key: string): number {
  const h = hash(node + '#' + key);
  const u = (h + 0.5) / 2 ** 32;
  return weight / -Math.log(u);
}

/** Every member ranked for `key`: by score, highest first, then by node id. */
export function rank(members: ReadonlyMap<string, number>, hash: HashFn, key: string): string[] {
  const scored = [...members].map(([node, weight]) => ({ node, s: score(hash, node, weight, key) }));
  return scored.sort((a, b) => (a.s > b.s ? -1 : a.s < b.s ? 1 : byId(a.node, b.node))).map((x) => x.node);
}

/** The members of a rendezvous placement, ranked for each lookup. */
export class OracleRendezvous {
  readonly members = new Map<string, number>();

  constructor(readonly hash: HashFn) {}

  add(node: string, weight = 1): void {
    this.members.set(node, weight);
  }

  remove(node: string): void {
    this.members.delete(node);
  }

  nodes(): string[] {
    return [...this.members.keys()].sort(byId);
  }

  owner(key: string): string {
    return rank(this.members, this.hash, key)[0]!;
  }

  preferenceList(key: string, n: number): string[] {
    return rank(this.members, this.hash, key).slice(0, n);
  }
}

/** Rendezvous weights: 1 most often, both ends of [2⁻²⁰, 2²⁰], and anything between. */
export const rendezvousWeightArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(1) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** -20, 2 ** 20, 0.5, 3) },
  { weight: 2, arbitrary: fc.double({ min: 2 ** -20, max: 2 ** 20, noNaN: true }) },
);

// ---------------------------------------------------------------- the jump oracle

const MASK = (1n << 64n) - 1n;

/** Lamping and Veach's loop, as the paper's C++ runs it: the generator in 64 bits, the jump in doubles. */
export function oracleJump(key: bigint, buckets: number): number {
  let state = key;
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    state = (state * 2862933555777941757n + 1n) & MASK;
    j = Math.trunc((b + 1) * (2147483648 / (Number(state >> 33n) + 1)));
  }
  return b;
}

export const key64Arb: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 0n, max: MASK }),
  fc.bigInt({ min: 0n, max: 1000n }),
  fc.bigInt({ min: MASK - 1000n, max: MASK }),
  fc.bigInt({ min: 2n ** 53n - 8n, max: 2n ** 53n + 8n }),
  fc.bigInt({ min: 2n ** 63n - 8n, max: 2n ** 63n + 8n }),
);

export const bucketsArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 16 }),
  fc.integer({ min: 1, max: 100_000 }),
  fc.integer({ min: 2 ** 31 - 100, max: 2 ** 31 - 1 }),
  fc.integer({ min: 1, max: 2 ** 31 - 1 }),
);

// ---------------------------------------------------------------- statistics

/** Keys `prefix0`, `prefix1`, …: a fixed sample, so that every statistic is the same on every run. */
export const sampleKeys = (count: number, prefix: string): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** How many of `keys` each of `nodes` owns. */
export function loads(nodes: readonly string[], keys: readonly string[], owner: (key: string) => string): Map<string, number> {
  const counts = new Map(nodes.map((n) => [n, 0]));
  for (const key of keys) {
    const node = owner(key);
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

/** The busiest node's load over the mean load. */
export const maxOverMean = (counts: ReadonlyMap<string, number>): number => {
  const values = [...counts.values()];
  return Math.max(...values) / (values.reduce((a, b) => a + b, 0) / values.length);
};

/** Pearson's χ² of observed counts against shares proportional to `weights`. */
export function chiSquare(observed: readonly number[], weights: readonly number[]): number {
  const total = observed.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  return observed.reduce((sum, o, i) => {
    const expected = (total * weights[i]!) / weightSum;
    return sum + (o - expected) ** 2 / expected;
  }, 0);
}

/**
 * A RangeError naming `n`: `n` is one letter, and almost every message holds
 * that letter, so the message must hold it as a word ("n must be…", "n = 0").
 */
export function expectRangeErrorNamingN(what: string, fn: () => unknown): void {
  expectRangeError(what, fn);
  let message = '';
  try {
    fn();
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message, `the RangeError from ${what} should name the argument n, as a word`).toMatch(/(^|[^\p{L}\p{N}_])n($|[^\p{L}\p{N}_])/u);
}

export { expectRangeError };
