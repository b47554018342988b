/**
 * Task 1: a ring with virtual nodes. Every lookup is compared with OracleRing
 * (support.ts) under the hashes the suite injects: murmur3, hashes that make
 * most tokens collide, hashes that crowd tokens at one end, keys at 0 and at
 * 2³² − 1, and constants.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { checkRingSessions } from './model-placement';
import {
  CountingHash,
  DEFAULT_VNODES,
  buildRing,
  OracleRing,
  TOP,
  describeMembers,
  expectMinimalMovement,
  expectRangeError,
  hash32,
  hashArb,
  keyArb,
  loads,
  maxOverMean,
  membersArb,
  ringSuite,
  sampleKeys,
  type HashFn,
} from './support';

const suite = ringSuite();

const vnodesArb = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 }), fc.constant(DEFAULT_VNODES));
const weightArb = fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 4 }));

/** `items` in another order: each next one taken from what is left at a position `picks` chooses. */
function reordered<T>(items: readonly T[], picks: readonly number[]): T[] {
  const rest = [...items];
  const out: T[] = [];
  for (let i = 0; rest.length > 0; i++) out.push(rest.splice((picks[i % Math.max(picks.length, 1)] ?? 0) % rest.length, 1)[0]!);
  return out;
}

suite.task(1, () => {
  suite.test(
    {
      points: 8,
      category: 'correctness',
      name: 'owner is the node of the first token at or after the key, wrapping past the last',
      hint: 'README, task 1: token i of a node is hash(node + "#" + i); sort by token, then node id, then i; the owner is the first virtual node whose token is ≥ hash(key), and the first of all when there is none.',
      clauses: ['CH-1.2', 'CH-1.3', 'CH-1.4', 'CH-0.6', 'CH-0.7'],
    },
    (t) => {
      const { Ring } = suite.impl();
      t.check(
        fc.property(vnodesArb, hashArb, membersArb(6, weightArb), fc.array(keyArb, { minLength: 1, maxLength: 30 }), (vnodes, hash, members, keys) => {
          const [ring, oracle] = buildRing(Ring, vnodes, hash.fn, members);
          for (const key of keys) {
            expect(ring.owner(key), `owner(${JSON.stringify(key)}) with vnodes ${vnodes}, ${hash.name}, nodes ${describeMembers(members)}`).toBe(oracle.owner(key));
          }
        }),
        { numRuns: 150 },
      );
      // Ids whose labels sort the other way round from the ids ("a!#0" < "a#0" but "a" < "a!"), and two ids whose
      // tokens all collide ("\ud800" is hashed as U+FFFD): only the README's tie-break orders them.
      const tricky = [['a', 1], ['a!', 1], ['a ', 2], ['a#1', 1], ['\ud800', 1], ['\ufffd', 1]] as const;
      for (const m of [2, 3, 5]) {
        const narrow: HashFn = (s) => hash32(s) % m;
        const [ring, oracle] = buildRing(Ring, 4, narrow, tricky);
        for (const key of sampleKeys(40, 'tie:')) {
          expect(ring.owner(key), `owner(${key}) with vnodes 4, hash32(s) mod ${m}, nodes ${describeMembers(tricky)}`).toBe(oracle.owner(key));
        }
      }
      // A key exactly at a token belongs to that token; one above the last wraps to the first.
      const at = new Map([['k-at-b', 200], ['k-above-b', 201], ['k-top', TOP], ['k-zero', 0], ['k-at-a', 100]]);
      const hash: HashFn = (s) => at.get(s) ?? (s.startsWith('a#') ? 100 : 200);
      const ring = new Ring({ vnodes: 1, hash });
      ring.addNode('b');
      ring.addNode('a');
      for (const [key, owner] of [['k-at-a', 'a'], ['k-at-b', 'b'], ['k-above-b', 'a'], ['k-top', 'a'], ['k-zero', 'a']] as const) {
        expect(ring.owner(key), `owner(${key}) with a at token 100 and b at token 200, hash(${key}) = ${at.get(key)}`).toBe(owner);
      }
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'keys past the last token and at both ends of the hash space go to the first token clockwise',
      hint: 'README, CH-1.4: the ring is a circle. A key whose hash is above every token belongs to the first virtual node of all; a key at 0 or at 2³² − 1 is no exception, and neither is a ring whose tokens all sit near one end.',
      clauses: ['CH-1.4'],
    },
    (t) => {
      const { Ring } = suite.impl();
      // Tokens in [lo, hi], keys at the very ends of the space and just outside the tokens.
      const bounds = fc.tuple(fc.integer({ min: 0, max: TOP }), fc.integer({ min: 0, max: TOP })).map(([x, y]) => [Math.min(x, y), Math.max(x, y)] as const);
      t.check(
        fc.property(bounds, membersArb(5, fc.constant(1)), fc.integer({ min: 1, max: 3 }), ([lo, hi], members, vnodes) => {
          const span = hi - lo + 1;
          const positions = [0, TOP, lo, hi, Math.max(lo - 1, 0), Math.min(hi + 1, TOP)];
          const hash: HashFn = (s) => {
            const probe = /^probe:(\d+)$/.exec(s);
            return probe ? positions[Number(probe[1])]! : lo + (hash32(s) % span);
          };
          const [ring, oracle] = buildRing(Ring, vnodes, hash, members);
          positions.forEach((position, i) => {
            expect(ring.owner(`probe:${i}`), `owner of a key at ${position}, tokens in [${lo}, ${hi}], nodes ${describeMembers(members)}`).toBe(oracle.owner(`probe:${i}`));
          });
        }),
        { numRuns: 150 },
      );
    },
  );

  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'placement depends only on the members, whatever the order of adds and removes, even when tokens collide',
      hint: 'README, CH-1.3 and CH-1.5: two virtual nodes at the same token must both stay on the ring, ordered by node id, then by i. A map from token to node keeps only the last one added, and removing a node then takes another node’s token with it.',
      clauses: ['CH-1.3', 'CH-1.5', 'CH-1.6'],
    },
    (t) => {
      const { Ring } = suite.impl();
      const others = fc.uniqueArray(fc.tuple(fc.constantFrom('x', 'y', 'z', 'a#1', 'b', 'a1'), weightArb), { maxLength: 3, selector: ([id]) => id });
      t.check(
        fc.property(
          fc.integer({ min: 1, max: 6 }),
          hashArb,
          membersArb(6, weightArb),
          others,
          fc.array(fc.nat(), { maxLength: 10 }),
          fc.array(keyArb, { minLength: 1, maxLength: 20 }),
          (vnodes, hash, members, extra, picks, keys) => {
            const transient = extra.filter(([id]) => !members.some(([m]) => m === id));
            const [first, oracle] = buildRing(Ring, vnodes, hash.fn, members);
            // The second ring: transient nodes join first, members join in another order, then the transients leave.
            const second = new Ring({ vnodes, hash: hash.fn });
            for (const [node, weight] of transient) second.addNode(node, weight);
            const order = reordered(members, picks);
            for (const [node, weight] of order) second.addNode(node, weight);
            const leaving = reordered(transient, picks);
            for (const [node] of leaving) second.removeNode(node);
            const story = `vnodes ${vnodes}, ${hash.name}; ring 1 added ${describeMembers(members)}; ring 2 added ${describeMembers([...transient, ...order])}, then removed ${describeMembers(leaving)}`;
            expect(second.nodes(), `nodes() of ring 2 (${story})`).toEqual(oracle.nodes());
            for (const key of keys) {
              const expected = oracle.owner(key);
              expect(first.owner(key), `owner(${JSON.stringify(key)}) of ring 1 (${story})`).toBe(expected);
              expect(second.owner(key), `owner(${JSON.stringify(key)}) of ring 2 (${story})`).toBe(expected);
              expect(second.preferenceList(key, members.length), `preferenceList(${JSON.stringify(key)}, ${members.length}) of ring 2 (${story})`).toEqual(
                oracle.preferenceList(key, members.length),
              );
            }
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'a join moves keys only to the new node, and a leave moves only the leaver’s keys',
      hint: 'README, task 1: when a node joins, a key changes owner only if one of the new node’s tokens now comes first; when it leaves, only the keys it owned find a new owner. If other keys move, lookups or removal touch tokens they should not.',
      clauses: ['CH-1.5', 'CH-1.6'],
    },
    (t) => {
      const { Ring } = suite.impl();
      const keys = sampleKeys(200, 'move:');
      t.check(
        fc.property(fc.integer({ min: 1, max: 20 }), hashArb, membersArb(6, weightArb), fc.nat(), weightArb, (vnodes, hash, members, pick, weight) => {
          const ring = new Ring({ vnodes, hash: hash.fn });
          for (const [node, w] of members) ring.addNode(node, w);
          const leaver = members.length === 1 ? undefined : members[pick % members.length]![0];
          expectMinimalMovement(ring, keys, ['joiner#7', weight], leaver, `vnodes ${vnodes}, ${hash.name}, nodes ${describeMembers(members)}`);
        }),
        { numRuns: 120 },
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'more virtual nodes spread the keys more evenly, and a node’s share follows its weight',
      hint: 'README, CH-1.2: a node of weight w has vnodes × w tokens, i = 0 … vnodes × w − 1, each hash(node + "#" + i). With one token per node some nodes own far more of the circle than others; hundreds of tokens even it out.',
      clauses: ['CH-1.2'],
    },
    () => {
      const { Ring } = suite.impl();
      const nodes = Array.from({ length: 10 }, (_, i) => `node-${i}`);
      const keys = sampleKeys(50_000, 'balance:');
      const spread = (vnodes: number): number => {
        const ring = new Ring({ vnodes });
        for (const node of nodes) ring.addNode(node);
        return maxOverMean(loads(nodes, keys, (k) => ring.owner(k)));
      };
      // Calibrated on the reference (npx tsx grading/bench/consistent-hashing.ts prints them): 1 vnode 3.04, 16 vnodes 1.76, 256 vnodes 1.06.
      const one = spread(1);
      const many = spread(256);
      expect(many, `max/mean load of 10 nodes × 256 vnodes on 50 000 keys`).toBeLessThan(1.15);
      expect(one, `max/mean load of 10 nodes × 1 vnode on 50 000 keys (the same keys)`).toBeGreaterThan(2 * (many - 1) + 1);
      // Weights 1, 2, 3 and 4 with 256 vnodes a unit: each share within 15 % of w / 10 (the reference's are within 7.3 %).
      const weighted = new Ring({ vnodes: 256 });
      [1, 2, 3, 4].forEach((w, i) => weighted.addNode(`node-${i}`, w));
      const counts = loads(['node-0', 'node-1', 'node-2', 'node-3'], keys, (k) => weighted.owner(k));
      [1, 2, 3, 4].forEach((w, i) => {
        const share = counts.get(`node-${i}`)! / keys.length;
        expect(Math.abs(share - w / 10) / (w / 10), `share of node-${i} (weight ${w} of 10, 256 vnodes a unit): ${share.toFixed(4)}`).toBeLessThan(0.15);
      });
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'the ring rejects bad vnodes, nodes and weights with a RangeError that names the argument, accepts both ends of each range, and changes nothing when it throws',
      hint: 'README, CH-0.1, CH-0.4, CH-1.1, CH-1.2, CH-1.6 and CH-1.8: check every argument before changing anything; vnodes is an integer in [1, 1024], weight in [1, 64], a node a non-empty string that is (or, for addNode, is not yet) on the ring.',
      clauses: ['CH-0.1', 'CH-0.2', 'CH-0.4', 'CH-1.1', 'CH-1.2', 'CH-1.6', 'CH-1.8'],
    },
    () => {
      const { Ring } = suite.impl();
      for (const vnodes of [0, -1, 1025, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 32]) {
        expectRangeError(`new Ring({ vnodes: ${vnodes} })`, () => new Ring({ vnodes }), 'vnodes');
      }
      expectRangeError('owner("k") on an empty ring', () => new Ring().owner('k'), 'empty');
      expectRangeError('preferenceList("k", 2) on an empty ring', () => new Ring().preferenceList('k', 2), 'empty');

      const hash = new CountingHash();
      const ring = new Ring({ vnodes: 2, hash: hash.fn });
      const oracle = new OracleRing(2, hash.fn);
      ring.addNode('a');
      oracle.add('a');
      const unchanged = (after: string) => {
        expect(ring.nodes(), `nodes() after ${after}`).toEqual(oracle.nodes());
        for (const key of sampleKeys(20, 'k')) expect(ring.owner(key), `owner(${key}) after ${after}`).toBe(oracle.owner(key));
      };
      const refused: [string, () => void, string][] = [
        ['addNode("")', () => ring.addNode(''), 'node'],
        ['addNode("a") when "a" is on the ring', () => ring.addNode('a'), 'node'],
        ['addNode("a", 2) when "a" is on the ring', () => ring.addNode('a', 2), 'node'],
        ...[0, -1, 65, 1.5, Number.NaN, Number.POSITIVE_INFINITY].map((w): [string, () => void, string] => [`addNode("b", ${w})`, () => ring.addNode('b', w), 'weight']),
        ['removeNode("b") when "b" is not on the ring', () => ring.removeNode('b'), 'node'],
        ['removeNode("") ', () => ring.removeNode(''), 'node'],
      ];
      for (const [what, call, names] of refused) {
        expectRangeError(what, call, names);
        unchanged(`${what} threw`);
      }
      // Both ends: vnodes 1 and 1024, weight 1 and 64, and 160 vnodes when left out.
      for (const [vnodes, weight] of [[1, 1], [1, 64], [1024, 1], [1024, 64]] as const) {
        const counting = new CountingHash();
        const big = new Ring({ vnodes, hash: counting.fn });
        big.addNode('n', weight);
        expect(counting.take().length, `hash calls of addNode("n", ${weight}) with vnodes ${vnodes}`).toBe(vnodes * weight);
        expect(big.nodes(), `nodes() after addNode("n", ${weight}) with vnodes ${vnodes}`).toEqual(['n']);
      }
      const counting = new CountingHash();
      new Ring({ hash: counting.fn }).addNode('n');
      expect(counting.take().sort(), 'the labels addNode("n") hashes when vnodes is left out').toEqual(Array.from({ length: DEFAULT_VNODES }, (_, i) => `n#${i}`).sort());
      // The default hash is hash32.
      const plain = new Ring({ vnodes: 3 });
      const model = new OracleRing(3, hash32);
      for (const node of ['a', 'b', 'c']) {
        plain.addNode(node);
        model.add(node);
      }
      for (const key of sampleKeys(50, 'default:')) expect(plain.owner(key), `owner(${key}) with the default hash`).toBe(model.owner(key));
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'adds, removes, owners, preference lists and nodes agree with a model ring over a whole session, with the caller changing every array it gets and the options it gave',
      hint: 'README, CH-0.5, CH-1.1 and CH-1.7: read the options once in the constructor; hand back a new array from nodes() and preferenceList(), never one you keep; a refused call changes nothing.',
      clauses: ['CH-0.4', 'CH-0.5', 'CH-1.1', 'CH-1.5', 'CH-1.6', 'CH-1.7', 'CH-2.1'],
    },
    (t) => {
      checkRingSessions(suite.impl().Ring, t);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'performance',
      name: 'addNode hashes once per virtual node, and owner and preferenceList hash only the key',
      hint: 'README, CH-1.9: compute a node’s tokens when it joins and keep them sorted; a lookup hashes the key once and searches the sorted tokens. Hashing labels during a lookup means the ring is rebuilt every time.',
      clauses: ['CH-1.9'],
    },
    (t) => {
      const { Ring } = suite.impl();
      t.check(
        fc.property(fc.integer({ min: 1, max: 50 }), membersArb(5, weightArb), fc.array(keyArb, { minLength: 1, maxLength: 10 }), (vnodes, members, keys) => {
          const hash = new CountingHash();
          const ring = new Ring({ vnodes, hash: hash.fn });
          for (const [node, weight] of members) {
            ring.addNode(node, weight);
            expect(hash.take().sort(), `the labels addNode(${JSON.stringify(node)}, ${weight}) hashed, with vnodes ${vnodes}`).toEqual(
              Array.from({ length: vnodes * weight }, (_, i) => `${node}#${i}`).sort(),
            );
          }
          for (const key of keys) {
            ring.owner(key);
            expect(hash.take(), `what owner(${JSON.stringify(key)}) hashed`).toEqual([key]);
            ring.preferenceList(key, members.length);
            expect(hash.take(), `what preferenceList(${JSON.stringify(key)}, ${members.length}) hashed`).toEqual([key]);
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});
