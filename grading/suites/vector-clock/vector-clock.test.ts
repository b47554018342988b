import fc from 'fast-check';
import { expect } from 'vitest';
import {
  AWKWARD_IDS, type Clock, type Entries, chainArb, counters, entriesOver, expectCounters, expectRangeError, familyArb, nodeIdArb, nodesArb,
  oracleCompare, oracleMerge, readClock, show, sortedEntries, vectorClockSuite,
} from './support';
import { checkClockSessions } from './model-clock';

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
      points: 2,
      category: 'correctness',
      name: 'get returns each counter, 0 for a node never counted, and entries() lists the non-zero ones sorted by node id',
      clauses: ['VC-1.1', 'VC-1.7', 'VC-1.14'],
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
      points: 3,
      category: 'correctness',
      name: 'compare is a partial order: every clock equals itself, and ≤ is antisymmetric and transitive',
      clauses: ['VC-1.13'],
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
      points: 2,
      category: 'correctness',
      name: "a.compare(b) is 'before' exactly when b.compare(a) is 'after'; 'equal' and 'concurrent' are symmetric",
      clauses: ['VC-1.13'],
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
      points: 5,
      category: 'correctness',
      name: "compare agrees with comparing every counter, and clocks built separately with the same counters are 'equal', not 'concurrent'",
      clauses: ['VC-1.12', 'VC-1.8'],
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
      points: 4,
      category: 'correctness',
      name: 'merge is the least upper bound: each counter the larger of the two, commutative, associative and idempotent',
      clauses: ['VC-1.11'],
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
      points: 2,
      category: 'correctness',
      name: "increment(node) raises that node's counter by one and leaves every other counter alone",
      clauses: ['VC-1.9'],
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
      points: 2,
      category: 'correctness',
      name: 'increment, merge and compare leave their operands unchanged',
      clauses: ['VC-1.2'],
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
      name: "any string is a node id: '', 'constructor', '__proto__', 'toString', lone surrogates and Unicode, never normalised, work like any other",
      clauses: ['VC-1.5', 'VC-1.6'],
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
      // Ids are compared as they are, code unit by code unit: no Unicode normalisation, no case folding.
      for (const [x, y] of [['é', 'e\u0301'], ['\ud83e\udd80', '\ud83e'], ['B', 'b'], ['\ud800', '\udc00']] as const) {
        const pair = `[[${JSON.stringify(x)}, 1], [${JSON.stringify(y)}, 2]]`;
        const both = VectorClock.from([[x, 1], [y, 2]]);
        expect([both.get(x), both.get(y)], `from(${pair}): get of each (two different nodes)`).toEqual([1, 2]);
        expect(both.entries(), `from(${pair}).entries()`).toEqual(x < y ? [[x, 1], [y, 2]] : [[y, 2], [x, 1]]);
        expect(VectorClock.from([[x, 1]]).compare(VectorClock.from([[y, 1]])), `from([[${JSON.stringify(x)}, 1]]).compare(from([[${JSON.stringify(y)}, 1]]))`).toBe('concurrent');
        expect(VectorClock.empty().increment(x).increment(y).get(x), `empty().increment(${JSON.stringify(x)}).increment(${JSON.stringify(y)}).get(${JSON.stringify(x)})`).toBe(1);
        expect(VectorClock.deserialize(both.serialize()).entries(), `deserialize(from(${pair}).serialize()).entries()`).toEqual(both.entries());
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
      points: 2,
      category: 'correctness',
      name: 'serialize writes the JSON of entries(), and deserialize reads it back to an equal clock',
      clauses: ['VC-1.15', 'VC-1.16'],
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
      clauses: ['VC-1.15'],
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
      clauses: ['VC-1.17', 'VC-1.18', 'VC-0.1'],
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
      // Wrong twice over (a bad counter on a node listed twice): either error will do, and both name the node.
      expectRangeError('from([["node-7", 1], ["node-7", -1]])', () => VectorClock.from([['node-7', 1], ['node-7', -1]]), 'node-7');
      expectRangeError('from([["node-7", NaN], ["node-7", 1]])', () => VectorClock.from([['node-7', Number.NaN], ['node-7', 1]]), 'node-7');
      // Every id is an ordinary string here too: the error for an awkward one is still a RangeError (how its message
      // writes the id is yours to choose).
      for (const id of AWKWARD_IDS) {
        expectRangeError(`from([[${JSON.stringify(id)}, -1]])`, () => VectorClock.from([[id, -1]]));
        expectRangeError(`from([[${JSON.stringify(id)}, 1], [${JSON.stringify(id)}, 2]])`, () => VectorClock.from([[id, 1], [id, 2]]));
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'deserialize rejects malformed text with a RangeError whose message says what is wrong',
      clauses: ['VC-1.19', 'VC-0.1'],
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

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'every method agrees with a model of the counters, over any iterable, at both ends of the counter range, and no result shares anything with its operands',
      clauses: ['VC-1.1', 'VC-1.2', 'VC-1.3', 'VC-1.4', 'VC-1.7', 'VC-1.8', 'VC-1.9', 'VC-1.10', 'VC-1.11', 'VC-1.12', 'VC-1.14', 'VC-1.15', 'VC-1.16'],
      hint: 'README, task 1: a clock is a value. Keep your own copy of what from was given, hand out new arrays from entries(), and never change a clock after it is built.',
    },
    (t) => checkClockSessions(suite.impl().VectorClock, t),
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'from reads any iterable once and keeps none of it, and entries() returns a new array of new pairs at every call',
      clauses: ['VC-1.3', 'VC-1.4', 'VC-1.8'],
      hint: 'README, task 1: iterate the entries once (a generator cannot be read twice), copy what you need, and build a new array in entries() each time.',
    },
    () => {
      const { VectorClock } = suite.impl();
      const pairs = (): [string, number][] => [['b', 2], ['a', 1], ['z', 0]];
      const sources: [string, () => Iterable<readonly [string, number]>][] = [
        ['an array', pairs],
        ['a Map', () => new Map(pairs())],
        ['a Set of pairs', () => new Set(pairs())],
        ['a generator (it can be read only once)', () => (function* () { yield* pairs(); })()],
        ['an object with [Symbol.iterator]', () => ({ [Symbol.iterator]: () => pairs()[Symbol.iterator]() })],
        ['the entries() of another clock', () => VectorClock.from(pairs()).entries()],
      ];
      for (const [what, source] of sources) {
        expect(VectorClock.from(source()).entries(), `from(${what} of [["b", 2], ["a", 1], ["z", 0]]).entries()`).toEqual([['a', 1], ['b', 2]]);
      }
      // The caller keeps what it passed in, and changes it.
      const input = pairs();
      const clock = VectorClock.from(input);
      input[0]![1] = 99;
      input[1]![0] = 'vandal';
      input.push(['c', 5]);
      expect(clock.entries(), 'from(input).entries() after the caller changed input, its array and its pairs').toEqual([['a', 1], ['b', 2]]);
      expect([clock.get('a'), clock.get('b'), clock.get('c'), clock.get('vandal')], 'get of a, b, c and "vandal" after the caller changed the input').toEqual([1, 2, 0, 0]);
      // The caller changes what it got back.
      for (const built of [clock, clock.increment('a'), clock.merge(VectorClock.from([['c', 3]])), VectorClock.empty(), VectorClock.deserialize('[["a",1],["b",2]]')]) {
        const before = JSON.stringify(built.entries());
        const first = built.entries();
        const second = built.entries();
        expect(second, `two calls of entries() on ${before}: equal arrays`).toEqual(first);
        expect(second === first, `two calls of entries() on ${before}: the same array object (it must be a new one each call)`).toBe(false);
        if (first.length > 0) expect(second[0] === first[0], `two calls of entries() on ${before}: the same pair object (each call makes new pairs)`).toBe(false);
        for (const pair of first) {
          pair[1] = 424242;
          pair[0] = 'vandal';
        }
        first.push(['vandal', 1]);
        first.reverse();
        expect(JSON.stringify(built.entries()), `${before}.entries() after the caller changed an earlier entries() array and its pairs`).toBe(before);
        expect(built.get('vandal'), `${before}.get("vandal") after the caller changed an earlier entries() array`).toBe(0);
        expect(built.serialize(), `${before}.serialize() after the caller changed an earlier entries() array`).toBe(before);
      }
      expect(VectorClock.empty().entries(), 'VectorClock.empty().entries() after a caller pushed onto an earlier one').toEqual([]);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'counters run from 0 to Number.MAX_SAFE_INTEGER: from accepts both ends, increment reaches the top exactly, and one past it is a RangeError naming the node or 2⁵³',
      clauses: ['VC-1.17', 'VC-1.10'],
      hint: 'README, task 1: Number.MAX_SAFE_INTEGER is a valid counter; it is the last one from accepts.',
    },
    () => {
      const { VectorClock } = suite.impl();
      const MAX = Number.MAX_SAFE_INTEGER;
      const top = VectorClock.from([['node-7', MAX], ['a', 0], ['b', 1]]);
      expect(top.entries(), `from([["node-7", ${MAX}], ["a", 0], ["b", 1]]).entries()`).toEqual([['b', 1], ['node-7', MAX]]);
      expect(VectorClock.deserialize(top.serialize()).entries(), 'deserialize(serialize()) of a clock at Number.MAX_SAFE_INTEGER').toEqual([['b', 1], ['node-7', MAX]]);
      expect(top.compare(VectorClock.from([['node-7', MAX - 1], ['b', 1]])), `{node-7: MAX} against {node-7: MAX - 1}, same b`).toBe('after');
      expect(top.merge(VectorClock.from([['node-7', 5], ['c', MAX]])).entries(), 'merge of two clocks at Number.MAX_SAFE_INTEGER').toEqual([['b', 1], ['c', MAX], ['node-7', MAX]]);
      const reached = VectorClock.from([['node-7', MAX - 1]]).increment('node-7');
      expect(reached.get('node-7'), 'from([["node-7", MAX - 1]]).increment("node-7").get("node-7")').toBe(MAX);
      expect(VectorClock.deserialize(reached.serialize()).get('node-7'), 'a round trip of that clock').toBe(MAX);
      // One past the top: the README leaves the choice open, but nothing else will do.
      let past: InstanceType<typeof VectorClock> | undefined;
      try {
        past = top.increment('node-7');
      } catch {
        expectRangeError('from([["node-7", MAX], ["b", 1]]).increment("node-7")', () => top.increment('node-7'), 'node-7');
      }
      if (past !== undefined) {
        expect([past.get('node-7'), past.get('b'), past.get('a')], 'from([["node-7", MAX], ["b", 1]]).increment("node-7"): get of node-7, b and a (one higher is 2 ** 53)').toEqual([2 ** 53, 1, 0]);
      }
      expect(top.entries(), 'the clock incremented past the top, afterwards (an operand never changes)').toEqual([['b', 1], ['node-7', MAX]]);
      expect(VectorClock.from([['node-7', 0]]).compare(VectorClock.empty()), 'from([["node-7", 0]]) against the empty clock').toBe('equal');
    },
  );

  suite.test(
    {
      points: 1,
      category: 'api',
      name: 'deserialize reads well-formed text that serialize would not write as the clock from would build, or rejects it with a RangeError',
      clauses: ['VC-1.20'],
      hint: 'README, task 1: zero counters, pairs out of order, spaces, 1e0: accept them as from would, or reject them with a RangeError, never anything else.',
    },
    (t) => {
      const { VectorClock } = suite.impl();
      const spellings = fc.constantFrom((n: number) => String(n), (n: number) => (n === 0 ? '-0' : `${n}.0`), (n: number) => `${n}e0`, (n: number) => (n === 0 ? '0E5' : `${n * 10}e-1`));
      const idSpellings = fc.constantFrom((id: string) => JSON.stringify(id), (id: string) => `"${[...id].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`);
      t.check(
        fc.property(
          fc.uniqueArray(fc.constantFrom('a', 'b', 'B', '', 'é', '__proto__'), { minLength: 0, maxLength: 4 }),
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
          fc.array(fc.tuple(spellings, idSpellings), { minLength: 4, maxLength: 4 }),
          fc.constantFrom('', ' ', '\n', '\t '),
          (ids, values, spelt, space) => {
            const pairs = ids.map((id, i): [string, number] => [id, values[i]!]);
            const text = `${space}[${pairs.map(([id, n], i) => `${space}[${spelt[i]![1](id)},${space}${spelt[i]![0](n)}]`).join(',')}]${space}`;
            let clock: InstanceType<typeof VectorClock> | undefined;
            try {
              clock = VectorClock.deserialize(text);
            } catch {
              expectRangeError(`deserialize(${JSON.stringify(text)})`, () => VectorClock.deserialize(text));
            }
            if (clock !== undefined) {
              expect(clock.entries(), `deserialize(${JSON.stringify(text)}).entries(): the clock from(${JSON.stringify(pairs)}) builds`).toEqual(sortedEntries(counters(pairs)));
            }
          },
        ),
        { numRuns: 100 },
      );
    },
  );
});
