/**
 * Task 3: weighted rendezvous hashing. Every ranking is compared with the
 * README's score computed by the oracle (support.ts), under the injected
 * hashes, with weights at both ends of [2⁻²⁰, 2²⁰]; the shares are compared
 * with the weights on a fixed sample of keys.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { checkRendezvousSessions } from './model-placement';
import {
  CountingHash,
  OracleRendezvous,
  OracleRing,
  chiSquare,
  describeMembers,
  expectMinimalMovement,
  expectRangeError,
  expectRangeErrorNamingN,
  hash32,
  hashArb,
  keyArb,
  loads,
  maxOverMean,
  membersArb,
  rendezvousSuite,
  rendezvousWeightArb,
  sampleKeys,
  type HashFn,
  type Rendezvous,
  type RendezvousModule,
} from './support';

const suite = rendezvousSuite();

function build(RendezvousClass: RendezvousModule['Rendezvous'], hash: HashFn, members: readonly (readonly [string, number])[]): [Rendezvous, OracleRendezvous] {
  const placement = new RendezvousClass({ hash });
  const oracle = new OracleRendezvous(hash);
  for (const [node, weight] of members) {
    placement.addNode(node, weight);
    oracle.add(node, weight);
  }
  return [placement, oracle];
}

suite.task(3, () => {
  suite.test(
    {
      points: 7,
      category: 'correctness',
      name: 'owner and preferenceList rank nodes by w / −ln((hash(node#key) + 0.5) / 2³²), ties by node id',
      hint: 'README, CH-3.3 and CH-3.4: hash node + "#" + key for every node, turn it into u = (h + 0.5) / 2³², score w / -Math.log(u), and sort by score, highest first, then node id. Write the score exactly as the README does.',
      clauses: ['CH-3.3', 'CH-3.4', 'CH-0.6', 'CH-0.7'],
    },
    (t) => {
      const { Rendezvous } = suite.impl();
      t.check(
        fc.property(hashArb, membersArb(7, rendezvousWeightArb), fc.array(keyArb, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 9 }), (hash, members, keys, n) => {
          const [placement, oracle] = build(Rendezvous, hash.fn, members);
          const story = `${hash.name}, nodes ${describeMembers(members)}`;
          for (const key of keys) {
            expect(placement.owner(key), `owner(${JSON.stringify(key)}) with ${story}`).toBe(oracle.owner(key));
            expect(placement.preferenceList(key, n), `preferenceList(${JSON.stringify(key)}, ${n}) with ${story}`).toEqual(oracle.preferenceList(key, n));
          }
        }),
        { numRuns: 200 },
      );
      // Hashes at both ends: h = 0 is the lowest score a weight can get, h = 2³² − 1 the highest.
      const ends = new Map([['low#k', 0], ['high#k', 2 ** 32 - 1], ['heavy#k', 0]]);
      const [placement, oracle] = build(Rendezvous, (s) => ends.get(s) ?? hash32(s), [['low', 1], ['high', 1], ['heavy', 2 ** 20], ['mid', 1]]);
      expect(placement.preferenceList('k', 4), 'preferenceList("k", 4) with hash(high#k) = 2³² − 1, hash(low#k) = hash(heavy#k) = 0, heavy of weight 2²⁰').toEqual(
        oracle.preferenceList('k', 4),
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'each node’s share of keys follows its weight, and equal weights balance better than a ring of one token per node',
      hint: 'README, CH-3.3: the logarithm makes each score an exponential race, which a node of weight w wins with probability w / Σw. Multiplying the hash by the weight, or ignoring the key, does not.',
      clauses: ['CH-3.3'],
    },
    () => {
      const { Rendezvous } = suite.impl();
      const keys = sampleKeys(40_000, 'share:');
      const weights = [1, 2, 3, 4];
      const weighted = new Rendezvous();
      weights.forEach((w, i) => weighted.addNode(`node-${i}`, w));
      const counts = loads(weights.map((_, i) => `node-${i}`), keys, (k) => weighted.owner(k));
      const observed = [...counts.values()];
      // χ² with 3 degrees of freedom; 16.27 is its 0.1 % critical value. The reference's is 5.41 on these keys
      // (npx tsx grading/bench/consistent-hashing.ts prints it, and every other figure behind a bound here).
      expect(chiSquare(observed, weights), `χ² of the keys each node owns (${observed.join(', ')}) against weights 1 : 2 : 3 : 4`).toBeLessThan(16.27);
      const fractional = new Rendezvous();
      fractional.addNode('small', 2 ** -20);
      fractional.addNode('large', 2 ** -19);
      const small = keys.filter((k) => fractional.owner(k) === 'small').length;
      expect(chiSquare([small, keys.length - small], [1, 2]), `χ² of the keys of weights 2⁻²⁰ and 2⁻¹⁹ (${small} and ${keys.length - small}) against 1 : 2`).toBeLessThan(10.83);

      // The same 10 nodes and keys on a ring of one token per node (the oracle's, so that task 3 stands alone).
      const nodes = Array.from({ length: 10 }, (_, i) => `node-${i}`);
      const even = new Rendezvous();
      const ring = new OracleRing(1, hash32);
      for (const node of nodes) {
        even.addNode(node);
        ring.add(node);
      }
      const ringSpread = maxOverMean(loads(nodes, keys, (k) => ring.owner(k)));
      const spread = maxOverMean(loads(nodes, keys, (k) => even.owner(k)));
      // The reference: 1.03 against the ring's 2.98 on these keys.
      expect(spread, `max/mean load of 10 equal nodes on 40 000 keys; a ring of one token per node has ${ringSpread.toFixed(2)} on the same keys`).toBeLessThan(Math.min(1.1, ringSpread));
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'a join moves keys only to the new node, a leave only the leaver’s keys, whatever the order of adds',
      hint: 'README, CH-3.4: a key’s ranking is a function of the nodes and weights alone. Break a tie by node id, never by the order nodes were added, and removing a node changes only the keys it ranked first.',
      clauses: ['CH-3.4', 'CH-3.5'],
    },
    (t) => {
      const { Rendezvous } = suite.impl();
      const keys = sampleKeys(150, 'move:');
      t.check(
        fc.property(hashArb, membersArb(6, rendezvousWeightArb), fc.nat(), rendezvousWeightArb, (hash, members, pick, weight) => {
          const [placement] = build(Rendezvous, hash.fn, members);
          const [reversed] = build(Rendezvous, hash.fn, [...members].reverse());
          const story = `${hash.name}, nodes ${describeMembers(members)}`;
          for (const k of keys) expect(reversed.owner(k), `owner(${k}) with the nodes added in reverse order (${story})`).toBe(placement.owner(k));
          const leaver = members.length === 1 ? undefined : members[pick % members.length]![0];
          expectMinimalMovement(placement, keys, ['joiner#7', weight], leaver, story);
        }),
        { numRuns: 120 },
      );
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'rendezvous rejects bad nodes, weights and n with a RangeError that names the argument, accepts both ends of each range, and changes nothing when it throws',
      hint: 'README, CH-3.2 and CH-3.5: a weight is a number in [2⁻²⁰, 2²⁰], both ends included; a node is a non-empty string, added once, removed only when placed; n is checked first; with no nodes a lookup is a RangeError containing “empty”.',
      clauses: ['CH-0.1', 'CH-0.2', 'CH-0.4', 'CH-3.1', 'CH-3.2', 'CH-3.5'],
    },
    () => {
      const { Rendezvous } = suite.impl();
      const empty = new Rendezvous();
      expectRangeError('owner("k") with no nodes', () => empty.owner('k'), 'empty');
      expectRangeError('preferenceList("k", 1) with no nodes', () => empty.preferenceList('k', 1), 'empty');
      expectRangeErrorNamingN('preferenceList("k", 0) with no nodes', () => empty.preferenceList('k', 0));

      const placement = new Rendezvous();
      const oracle = new OracleRendezvous(hash32);
      placement.addNode('a');
      oracle.add('a');
      const unchanged = (after: string) => {
        expect(placement.nodes(), `nodes() after ${after}`).toEqual(oracle.nodes());
        for (const key of sampleKeys(10, 'k')) expect(placement.preferenceList(key, 3), `preferenceList(${key}, 3) after ${after}`).toEqual(oracle.preferenceList(key, 3));
      };
      const refused: [string, () => void, string][] = [
        ['addNode("")', () => placement.addNode(''), 'node'],
        ['addNode("a") when "a" is placed', () => placement.addNode('a'), 'node'],
        ['addNode("a", 2) when "a" is placed', () => placement.addNode('a', 2), 'node'],
        ...[0, -1, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** -20 * (1 - 2 ** -53), 2 ** 20 * (1 + 2 ** -52), 2 ** -21, 2 ** 21].map(
          (w): [string, () => void, string] => [`addNode("b", ${w})`, () => placement.addNode('b', w), 'weight'],
        ),
        ['removeNode("b") when "b" is not placed', () => placement.removeNode('b'), 'node'],
        ...[0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53].map((n): [string, () => void, string] => [`preferenceList("k", ${n})`, () => placement.preferenceList('k', n), 'n']),
      ];
      for (const [what, call, names] of refused) {
        if (names === 'n') expectRangeErrorNamingN(what, call);
        else expectRangeError(what, call, names);
        unchanged(`${what} threw`);
      }
      for (const [node, weight] of [['low', 2 ** -20], ['high', 2 ** 20]] as const) {
        placement.addNode(node, weight);
        oracle.add(node, weight);
        unchanged(`addNode(${JSON.stringify(node)}, ${weight})`);
      }
      expect(placement.preferenceList('k', Number.MAX_SAFE_INTEGER), 'preferenceList("k", 2⁵³ − 1)').toEqual(oracle.preferenceList('k', 3));
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'adds, removes, owners, preference lists and nodes agree with a model over a whole session, with the caller changing every array it gets and the options it gave',
      hint: 'README, CH-0.5, CH-3.1 and CH-3.5: read the options once; return a new array each time; a refused call changes nothing; nodes() is sorted by `<`.',
      clauses: ['CH-0.4', 'CH-0.5', 'CH-3.1', 'CH-3.4', 'CH-3.5'],
    },
    (t) => {
      checkRendezvousSessions(suite.impl().Rendezvous, t);
    },
  );

  suite.test(
    {
      points: 1,
      category: 'performance',
      name: 'owner and preferenceList hash each node’s label for the key exactly once',
      hint: 'README, CH-3.6: one hash(node + "#" + key) per node per lookup; sorting with a comparator that hashes calls it far more often.',
      clauses: ['CH-3.6'],
    },
    (t) => {
      const { Rendezvous } = suite.impl();
      t.check(
        fc.property(membersArb(8, rendezvousWeightArb), fc.array(keyArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 9 }), (members, keys, n) => {
          const hash = new CountingHash();
          const placement = new Rendezvous({ hash: hash.fn });
          for (const [node, weight] of members) placement.addNode(node, weight);
          hash.take();
          const labels = (key: string) => members.map(([node]) => `${node}#${key}`).sort();
          for (const key of keys) {
            placement.owner(key);
            expect(hash.take().sort(), `what owner(${JSON.stringify(key)}) hashed`).toEqual(labels(key));
            placement.preferenceList(key, n);
            expect(hash.take().sort(), `what preferenceList(${JSON.stringify(key)}, ${n}) hashed`).toEqual(labels(key));
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
