/**
 * Task 2: preference lists (Dynamo §4.3). The walk is compared with
 * OracleRing's; the properties a replica set relies on (owner first, distinct
 * nodes, all of them when asked for more, stable under an unrelated join) are
 * checked on their own, so that a failure says which one broke.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { buildRing, describeMembers, expectRangeError, expectRangeErrorNamingN, hashArb, keyArb, membersArb, ringSuite } from './support';

const suite = ringSuite();

suite.task(2, () => {
  suite.test(
    {
      points: 7,
      category: 'correctness',
      name: 'preferenceList walks clockwise from the key’s token and skips virtual nodes of nodes already chosen',
      hint: 'README, CH-2.1: start at the virtual node owner() picks, step to the next one in ring order (wrapping past the end), and take its node only if it is not in the list yet; stop at n nodes or when every node is in.',
      clauses: ['CH-2.1'],
    },
    (t) => {
      const { Ring } = suite.impl();
      t.check(
        fc.property(fc.integer({ min: 1, max: 12 }), hashArb, membersArb(7, fc.integer({ min: 1, max: 3 })), fc.array(keyArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (vnodes, hash, members, keys, n) => {
          const [ring, oracle] = buildRing(Ring, vnodes, hash.fn, members);
          for (const key of keys) {
            expect(ring.preferenceList(key, n), `preferenceList(${JSON.stringify(key)}, ${n}) with vnodes ${vnodes}, ${hash.name}, nodes ${describeMembers(members)}`).toEqual(
              oracle.preferenceList(key, n),
            );
          }
        }),
        { numRuns: 200 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'a preference list has the owner first, no node twice, and every node once when n reaches the number of nodes',
      hint: 'README, CH-2.2: a list of n replicas must be n different machines. Skip a virtual node whose node is already in the list; ask for more nodes than there are and you get each node once, not a list padded with repeats.',
      clauses: ['CH-2.2'],
    },
    (t) => {
      const { Ring } = suite.impl();
      t.check(
        fc.property(fc.integer({ min: 1, max: 30 }), hashArb, membersArb(7, fc.integer({ min: 1, max: 3 })), fc.array(keyArb, { minLength: 1, maxLength: 10 }), (vnodes, hash, members, keys) => {
          const [ring] = buildRing(Ring, vnodes, hash.fn, members);
          const size = members.length;
          const story = `vnodes ${vnodes}, ${hash.name}, nodes ${describeMembers(members)}`;
          for (const key of keys) {
            const all = ring.preferenceList(key, Number.MAX_SAFE_INTEGER);
            expect(new Set(all).size, `preferenceList(${JSON.stringify(key)}, 2⁵³ − 1) = ${JSON.stringify(all)} should hold every node once (${story})`).toBe(all.length);
            expect([...all].sort(), `preferenceList(${JSON.stringify(key)}, 2⁵³ − 1) holds every node (${story})`).toEqual(members.map(([id]) => id).sort());
            expect(all[0], `the first of preferenceList(${JSON.stringify(key)}, …) is owner(${JSON.stringify(key)}) (${story})`).toBe(ring.owner(key));
            for (let n = 1; n <= size + 1; n++) {
              expect(ring.preferenceList(key, n), `preferenceList(${JSON.stringify(key)}, ${n}) is the first ${Math.min(n, size)} of the whole list (${story})`).toEqual(all.slice(0, n));
            }
          }
        }),
        { numRuns: 150 },
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'when an unrelated node joins, the nodes that stay in a key’s preference list keep their order',
      hint: 'README, task 2: a newcomer’s virtual nodes are inserted into the walk; every other virtual node keeps its place, so the list changes only by the newcomer taking a slot. If others reorder, the walk or the ring order depends on more than the tokens.',
      clauses: ['CH-2.1', 'CH-1.5'],
    },
    (t) => {
      const { Ring } = suite.impl();
      t.check(
        fc.property(fc.integer({ min: 1, max: 12 }), hashArb, membersArb(6, fc.integer({ min: 1, max: 2 })), fc.array(keyArb, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 4 }), (vnodes, hash, members, keys, n) => {
          const [ring] = buildRing(Ring, vnodes, hash.fn, members);
          const before = keys.map((k) => ring.preferenceList(k, n));
          const joiner = members.some(([id]) => id === 'newcomer') ? 'newcomer-2' : 'newcomer';
          ring.addNode(joiner);
          keys.forEach((key, i) => {
            const after = ring.preferenceList(key, n);
            const stayed = after.filter((node) => node !== joiner);
            const story = `preferenceList(${JSON.stringify(key)}, ${n}) was ${JSON.stringify(before[i])}, and after ${joiner} joined is ${JSON.stringify(after)} (vnodes ${vnodes}, ${hash.name}, nodes ${describeMembers(members)})`;
            expect(stayed, story).toEqual(before[i]!.slice(0, stayed.length));
            expect(stayed.length, story).toBeGreaterThanOrEqual(Math.min(n, members.length) - 1);
          });
        }),
        { numRuns: 150 },
      );
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'preferenceList rejects an n that is not a positive integer with a RangeError naming n, before it looks at the ring',
      hint: 'README, CH-2.3: n is an integer in [1, 2⁵³ − 1]. Check it first, so an empty ring with n = 0 complains about n; an empty ring with a good n is the “empty” RangeError of CH-1.8.',
      clauses: ['CH-0.1', 'CH-0.2', 'CH-2.3', 'CH-1.8'],
    },
    () => {
      const { Ring } = suite.impl();
      const ring = new Ring({ vnodes: 3 });
      ring.addNode('a');
      ring.addNode('b');
      const empty = new Ring({ vnodes: 3 });
      for (const n of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, -0.5]) {
        expectRangeErrorNamingN(`preferenceList("k", ${n})`, () => ring.preferenceList('k', n));
        expectRangeErrorNamingN(`preferenceList("k", ${n}) on an empty ring`, () => empty.preferenceList('k', n));
      }
      expectRangeError('preferenceList("k", 1) on an empty ring', () => empty.preferenceList('k', 1), 'empty');
      expect(ring.preferenceList('k', 1), 'preferenceList("k", 1) on a ring of a and b').toEqual([ring.owner('k')]);
      expect([...ring.preferenceList('k', Number.MAX_SAFE_INTEGER)].sort(), 'preferenceList("k", 2⁵³ − 1) on a ring of a and b').toEqual(['a', 'b']);
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'every preference list and node list is a new array: changing it changes nothing',
      hint: 'README, CH-0.5: return a fresh array from preferenceList and nodes, never one the ring keeps (a cached list, or its own members array).',
      clauses: ['CH-0.5'],
    },
    (t) => {
      const { Ring } = suite.impl();
      t.check(
        fc.property(fc.integer({ min: 1, max: 8 }), membersArb(5, fc.constant(1)), fc.array(keyArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 }), (vnodes, members, keys, n) => {
          const ring = new Ring({ vnodes });
          for (const [node] of members) ring.addNode(node);
          for (const key of keys) {
            const first = ring.preferenceList(key, n);
            const copy = [...first];
            first.length = 0;
            first.push('intruder');
            const second = ring.preferenceList(key, n);
            expect(second, `preferenceList(${JSON.stringify(key)}, ${n}) after the caller emptied the list the last call returned`).toEqual(copy);
            expect(second, `preferenceList(${JSON.stringify(key)}, ${n}) twice returned the same array`).not.toBe(first);
            second.reverse();
            expect(ring.owner(key), `owner(${JSON.stringify(key)}) after the caller reversed a preference list`).toBe(copy[0]);
          }
          const nodes = ring.nodes();
          const expected = [...nodes];
          nodes.splice(0, nodes.length, 'zzz', 'intruder');
          expect(ring.nodes(), 'nodes() after the caller replaced what nodes() returned').toEqual(expected);
          expect(ring.nodes(), 'nodes() twice').not.toBe(ring.nodes());
        }),
        { numRuns: 100 },
      );
    },
  );
});
