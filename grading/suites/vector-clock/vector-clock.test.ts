import fc from 'fast-check';
import { expect } from 'vitest';
import {
  AWKWARD_IDS, type Clock, type Entries, chainArb, counters, entriesOver, expectCounters, expectRangeError, familyArb, nodeIdArb, nodesArb,
  oracleCompare, oracleMerge, readClock, show, sortedEntries, vectorClockSuite,
} from './support';

const suite = vectorClockSuite();

const from = (entries: Entries): string => `from(${JSON.stringify(entries)})`;
const atMost = (order: string): boolean => order === 'before' || order === 'equal';
/** The message of what `fn` throws (call it only after expectRangeError has checked that it throws). */
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '(nothing was thrown)';
};

suite.task(1, () => {
  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'get returns each counter, 0 for a node never counted, and entries() lists the non-zero ones sorted by node id',
      hint: 'README, task 1: zero counters are dropped; sort by node id with plain < (UTF-16 code units), not localeCompare.',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      t.check(
        fc.property(familyArb(1), fc.array(nodeIdArb, { maxLength: 4 }), ({ nodes, clocks: [entries] }, probes) => {
          const clock = VectorClock.from(entries!);
          const expected = counters(entries!);
          for (const node of [...nodes, ...probes]) expect(clock.get(node), `${from(entries!)}.get(${JSON.stringify(node)})`).toBe(expected.get(node) ?? 0);
          expect(clock.entries(), `${from(entries!)}.entries()`).toEqual(sortedEntries(expected));
          expect(VectorClock.empty().entries(), 'VectorClock.empty().entries()').toEqual([]);
          for (const node of nodes) expect(VectorClock.empty().get(node), `VectorClock.empty().get(${JSON.stringify(node)})`).toBe(0);
        }),
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'compare is a partial order: every clock equals itself, and ≤ is antisymmetric and transitive',
      hint: 'README, task 1: a clock compared with itself, or with a clock of the same counters, is \'equal\'. a ≤ b and b ≤ c give a ≤ c.',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      t.check(
        fc.property(chainArb, familyArb(2), ({ a, b, c }, { clocks: [x, y] }) => {
          const build = (entries: Entries) => ({ text: from(entries), clock: VectorClock.from(entries) });
          const all = [a, b, c, x!, y!].map(build);
          for (const { text, clock } of all) expect(clock.compare(clock), `${text} compared with itself`).toBe('equal');
          const [ca, cb, cc] = all;
          const [ab, bc, ac] = [ca!.clock.compare(cb!.clock), cb!.clock.compare(cc!.clock), ca!.clock.compare(cc!.clock)];
          if (atMost(ab) && atMost(bc)) {
            const why = `a = ${ca!.text}, b = ${cb!.text}, c = ${cc!.text}: a.compare(b) is '${ab}' and b.compare(c) is '${bc}', so a.compare(c)`;
            expect(ac, why).toBe(ab === 'before' || bc === 'before' ? 'before' : 'equal');
          }
          for (const [p, q] of [[ca!, cb!], [all[3]!, all[4]!], [ca!, all[3]!]] as const) {
            const [pq, qp] = [p.clock.compare(q.clock), q.clock.compare(p.clock)];
            if (atMost(pq) && atMost(qp)) expect([pq, qp], `p = ${p.text}, q = ${q.text}: p ≤ q and q ≤ p, so both compares`).toEqual(['equal', 'equal']);
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: "a.compare(b) is 'before' exactly when b.compare(a) is 'after'; 'equal' and 'concurrent' are symmetric",
      hint: 'README, task 1: look at every node of both clocks, not only the nodes of this one.',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      const converse = { before: 'after', after: 'before', equal: 'equal', concurrent: 'concurrent' } as const;
      t.check(
        fc.property(familyArb(2), ({ clocks: [x, y] }) => {
          const [a, b] = [VectorClock.from(x!), VectorClock.from(y!)];
          const ab = a.compare(b);
          const ba = b.compare(a);
          expect(ba, `a = ${from(x!)}, b = ${from(y!)}: a.compare(b) is '${ab}', so b.compare(a)`).toBe(converse[ab] ?? `the converse of ${String(ab)}`);
        }),
        { numRuns: 200 },
      );
    },
  );

  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: "compare agrees with comparing every counter, and clocks built separately with the same counters are 'equal', not 'concurrent'",
      hint: "README, task 1: 'before' means every counter ≤ and one <; a node a clock lacks counts as 0. Equal counters are 'equal'.",
    },
    (t) => {
      const { VectorClock } = suite.impl();
      t.check(
        fc.property(familyArb(2), fc.boolean(), ({ nodes, clocks: [x, y] }, same) => {
          // Half the time b has a's counters, built in another order and with a zero for a node a lacks.
          const absent = `${nodes.join('')}\u0000#`; // longer than every node id, so none of them
          const right: Entries = same ? [...[...x!].reverse(), [absent, 0]] : y!;
          const [a, b] = [VectorClock.from(x!), VectorClock.from(right)];
          expect(a.compare(b), `${from(x!)}.compare(${from(right)})`).toBe(oracleCompare(counters(x!), counters(right)));
        }),
        { numRuns: 300 },
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'merge is the least upper bound: each counter the larger of the two, commutative, associative and idempotent',
      hint: 'README, task 1: take every node of both clocks, and the maximum of the two counters (a missing node is 0).',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      t.check(
        fc.property(familyArb(3), ({ nodes, clocks: [x, y, z] }) => {
          const [a, b, c] = [VectorClock.from(x!), VectorClock.from(y!), VectorClock.from(z!)];
          const [ax, by, cz] = [counters(x!), counters(y!), counters(z!)];
          const lub = oracleMerge(ax, by);
          const where = `a = ${from(x!)}, b = ${from(y!)}`;
          expectCounters(a.merge(b), lub, `${where}: a.merge(b)`, nodes);
          expectCounters(b.merge(a), lub, `${where}: b.merge(a) (merge is commutative)`, nodes);
          expectCounters(a.merge(a), ax, `${where}: a.merge(a) (merge is idempotent)`, nodes);
          const all = oracleMerge(lub, cz);
          expectCounters(a.merge(b).merge(c), all, `${where}, c = ${from(z!)}: a.merge(b).merge(c)`, nodes);
          expectCounters(a.merge(b.merge(c)), all, `${where}, c = ${from(z!)}: a.merge(b.merge(c)) (merge is associative)`, nodes);
          expect(a.merge(b).entries(), `${where}: a.merge(b).entries()`).toEqual(sortedEntries(lub));
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: "increment(node) raises that node's counter by one and leaves every other counter alone",
      hint: 'README, task 1: a node ticks only its own counter; merging is how it learns the others.',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      t.check(
        fc.property(familyArb(1), nodeIdArb, fc.integer({ min: 1, max: 3 }), ({ nodes, clocks: [entries] }, other, times) => {
          for (const node of [nodes[0]!, other]) {
            let clock = VectorClock.from(entries!);
            for (let i = 0; i < times; i++) clock = clock.increment(node);
            const expected = new Map(counters(entries!));
            expected.set(node, (expected.get(node) ?? 0) + times);
            expectCounters(clock, expected, `${from(entries!)} incremented ${times} time(s) at ${JSON.stringify(node)}`, [...nodes, other]);
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'increment, merge and compare leave their operands unchanged',
      hint: 'README, task 1: a clock is a value, like a string: copy the counters, change the copy, return a new clock.',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      t.check(
        fc.property(familyArb(2), nodeIdArb, ({ nodes, clocks: [x, y] }, node) => {
          const [a, b] = [VectorClock.from(x!), VectorClock.from(y!)];
          const seen = [...nodes, node];
          const before = [show(readClock(a, seen)), show(readClock(b, seen)), JSON.stringify(a.entries()), JSON.stringify(b.entries())];
          const steps: [string, () => unknown][] = [
            ['a.increment(node)', () => a.increment(node)],
            ['a.merge(b)', () => a.merge(b)],
            ['b.merge(a)', () => b.merge(a)],
            ['a.compare(b)', () => a.compare(b)],
            ['a.increment(node).merge(b)', () => a.increment(node).merge(b)],
          ];
          for (const [what, step] of steps) {
            step();
            const after = [show(readClock(a, seen)), show(readClock(b, seen)), JSON.stringify(a.entries()), JSON.stringify(b.entries())];
            expect(after, `a = ${from(x!)}, b = ${from(y!)}, node ${JSON.stringify(node)}: [a, b, a.entries(), b.entries()] after ${what}`).toEqual(before);
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: "any string is a node id: '', 'constructor', '__proto__', 'toString' and Unicode work like any other",
      hint: "README, task 1: a plain object {} has 'constructor', 'toString' and '__proto__' before you add anything; a Map has nothing.",
    },
    (t) => {
      const { VectorClock } = suite.impl();
      const empty = VectorClock.empty();
      for (const id of AWKWARD_IDS) {
        const name = JSON.stringify(id);
        expect(empty.get(id), `VectorClock.empty().get(${name})`).toBe(0);
        expect(empty.increment(id).get(id), `VectorClock.empty().increment(${name}).get(${name})`).toBe(1);
        const three = VectorClock.from([[id, 3]]);
        expect(three.entries(), `from([[${name}, 3]]).entries()`).toEqual([[id, 3]]);
        expect(three.merge(VectorClock.from([[id, 5]])).get(id), `from([[${name}, 3]]).merge(from([[${name}, 5]])).get(${name})`).toBe(5);
        expect(three.compare(three.increment(id)), `from([[${name}, 3]]).compare(itself incremented at ${name})`).toBe('before');
        expect(VectorClock.deserialize(three.serialize()).get(id), `a round trip of from([[${name}, 3]]), then get(${name})`).toBe(3);
      }
      t.check(
        fc.property(nodesArb, entriesOver([...AWKWARD_IDS]), (extra, base) => {
          const ids = [...new Set([...AWKWARD_IDS, ...extra])];
          const entries = [...base, ...ids.filter((id) => !(AWKWARD_IDS as readonly string[]).includes(id)).map((id): [string, number] => [id, 7])];
          const clock: Clock = VectorClock.from(entries);
          expectCounters(clock, counters(entries), `${from(entries)}`, ids);
          expect(clock.entries(), `${from(entries)}.entries()`).toEqual(sortedEntries(counters(entries)));
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: 'serialize writes the JSON of entries(), and deserialize reads it back to an equal clock',
      hint: 'README, task 1: serialize is JSON.stringify(this.entries()); deserialize parses it, checks it, and builds the clock with from.',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      t.check(
        fc.property(familyArb(1), ({ nodes, clocks: [entries] }) => {
          const expected = counters(entries!);
          const text = VectorClock.from(entries!).serialize();
          expect(text, `${from(entries!)}.serialize()`).toBe(JSON.stringify(sortedEntries(expected)));
          const back = VectorClock.deserialize(text);
          expectCounters(back, expected, `deserialize(${JSON.stringify(text)})`, nodes);
          expect(back.serialize(), `deserialize(${JSON.stringify(text)}).serialize()`).toBe(text);
        }),
      );
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'equal clocks serialize to the same text, however they were built',
      hint: 'README, task 1: the text must not depend on the order counters were set in: sort the entries.',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      t.check(
        fc.property(familyArb(1), fc.infiniteStream(fc.nat()), ({ clocks: [entries] }, order) => {
          const reversed = VectorClock.from([...entries!].reverse());
          let ticked = VectorClock.empty();
          const pending = entries!.filter(([, n]) => n > 0 && n <= 3).flatMap(([node, n]) => Array.from({ length: n }, () => node));
          const big = entries!.filter(([, n]) => n > 3);
          while (pending.length > 0) ticked = ticked.increment(pending.splice(order.next().value % pending.length, 1)[0]!);
          const merged = ticked.merge(VectorClock.from(big));
          const expected = VectorClock.from(entries!).serialize();
          expect(reversed.serialize(), `${from([...entries!].reverse())}.serialize(), against ${from(entries!)}.serialize()`).toBe(expected);
          expect(merged.serialize(), `the same clock built by increments in a random order and a merge, against ${from(entries!)}.serialize()`).toBe(expected);
        }),
      );
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'from rejects a negative, fractional, NaN, infinite or unsafe counter, and a node listed twice, with a RangeError naming the node',
      hint: 'README, task 1: Number.isSafeInteger(n) && n >= 0 is the whole check; NaN fails every comparison, so test for what is valid.',
    },
    () => {
      const { VectorClock } = suite.impl();
      const bad = [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, 1e300, -0.25];
      for (const counter of bad) {
        expectRangeError(`from([["a", 1], ["node-7", ${counter}]])`, () => VectorClock.from([['a', 1], ['node-7', counter]]), 'node-7');
      }
      expectRangeError('from([["node-7", 1], ["b", 2], ["node-7", 3]])', () => VectorClock.from([['node-7', 1], ['b', 2], ['node-7', 3]]), 'node-7');
      expectRangeError('from([["node-7", 0], ["node-7", 0]])', () => VectorClock.from([['node-7', 0], ['node-7', 0]]), 'node-7');
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'deserialize rejects malformed text with a RangeError whose message says what is wrong',
      hint: 'README, task 1: JSON.parse throws a SyntaxError: catch it and throw a RangeError that says what is wrong. Check every element before trusting it.',
    },
    () => {
      const { VectorClock } = suite.impl();
      const cases = [
        '', 'not json', '[["a",1]', '{"a":1}', 'null', '7', '"[]"', '[1]', '["a"]', '[["a"]]', '[["a",1,2]]', '[[1,1]]', '[["a","1"]]',
        '[["a",null]]', '[["a",-1]]', '[["a",1.5]]', '[["a",1e300]]', '[["a",9007199254740992]]', '[["a",1],["a",2]]', '[["a",1],"b"]',
      ];
      for (const text of cases) {
        const what = `deserialize(${JSON.stringify(text)})`;
        expectRangeError(what, () => VectorClock.deserialize(text));
        expect(messageOf(() => VectorClock.deserialize(text)).trim(), `the message of the RangeError from ${what}: it should say what is wrong with the text`).not.toBe('');
      }
    },
  );
});
