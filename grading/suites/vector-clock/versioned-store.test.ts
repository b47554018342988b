import fc from 'fast-check';
import { expect } from 'vitest';
import type { ReadResult, Versioned } from '@impl/vector-clock/versioned-store';
import { type Clock, type Counters, OracleStore, expectCounters, nodeIdArb, readClock, show, versionedStoreSuite } from './support';

const suite = versionedStoreSuite();

/** Keys that break a store kept in a plain object: they exist on every {} before anything is written. */
const AWKWARD_KEYS = ['', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'cart', 'Cart'] as const;

/** What a writer passes to put: the latest read of that key at that coordinator, nothing (a blind write), or any earlier read of the key. */
type ContextChoice = 'fresh' | 'blind' | { readonly stale: number };

/**
 * Up to three coordinators, any ids: '' among them, and two stores may share one id (each is on its own all the
 * same). Values repeat, so equal values are written concurrently; a stale context may come from any earlier read,
 * of either key, at any coordinator.
 */
const scriptArb = fc.record({
  coordinators: fc.array(fc.oneof(nodeIdArb, fc.constant('')), { minLength: 1, maxLength: 3 }),
  steps: fc.array(
    fc.record({
      store: fc.nat({ max: 2 }),
      key: fc.constantFrom('cart', '__proto__'),
      value: fc.option(fc.constantFrom('milk', 'eggs'), { freq: 3 }),
      vandal: fc.nat({ max: 3 }),
      context: fc.oneof(
        { weight: 3, arbitrary: fc.constant<ContextChoice>('fresh') },
        { weight: 1, arbitrary: fc.constant<ContextChoice>('blind') },
        { weight: 3, arbitrary: fc.nat({ max: 60 }).map((stale): ContextChoice => ({ stale })) },
      ),
    }),
    { minLength: 1, maxLength: 30, size: 'max' },
  ),
});

/** What a careless caller does to the siblings array of a read, by number (0: nothing); a frozen array may refuse. */
function attempt<V>(siblings: readonly Versioned<V>[], how: number, extra?: Versioned<V>): void {
  const mine = siblings as Versioned<V>[];
  try {
    if (how === 1 && extra !== undefined) mine.push(extra);
    if (how === 1 && extra === undefined) mine.push(mine[0]!);
    if (how === 2) mine.splice(0, 1);
    if (how === 3) mine.reverse();
    if (how === 4) mine.length = 0;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
}

/** The oracle's record of one key, newest last, for failure messages. */
const history = (oracle: OracleStore, key: string): string =>
  oracle
    .writes(key)
    .slice(-12)
    .map((w) => `\n    ${w.value}: context ${show(w.context)} → clock ${show(w.clock)}`)
    .join('');

/** Asserts that a read returns exactly the oracle's surviving writes, oldest first, and their merged context. */
function expectRead(read: ReadResult<string>, oracle: OracleStore, key: string, nodes: readonly string[], where: string): void {
  const expected = oracle.siblings(key);
  // The fast path, taken thousands of times per test: the read is right, so no message needs building.
  const counted = (c: Counters): string => show(new Map([...c].filter(([n]) => nodes.includes(n))));
  const got = JSON.stringify([read.siblings.map((v) => [v.value, show(readClock(v.clock, [...nodes, ...expected.flatMap((w) => [...w.clock.keys()])]))]), show(readClock(read.context, nodes))]);
  if (got === JSON.stringify([expected.map((w) => [w.value, show(w.clock)]), counted(oracle.context(key))])) return;
  const what = `get(${JSON.stringify(key)}) at coordinator ${JSON.stringify(oracle.node)} ${where}`;
  const story = `\n  writes to this key, each with the context it was sent and the clock it should get:${history(oracle, key) || ' none'}`;
  expect(
    read.siblings.map((v) => v.value),
    `${what}: the values of the siblings, oldest first (a write survives until a later write's context covers its clock)${story}`,
  ).toEqual(expected.map((w) => w.value));
  read.siblings.forEach((v, i) => expectCounters(v.clock, expected[i]!.clock, `${what}: the clock of sibling ${v.value}${story}`, nodes));
  expectCounters(read.context, oracle.context(key), `${what}: the context (the merge of the siblings' clocks)${story}`, nodes);
}

suite.task(3, () => {
  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: "put stamps the new version with its context and the coordinator's counter one above any it knows of, and returns that clock",
      clauses: ['VC-3.6'],
      hint: "README, task 3: new clock = context, with the coordinator's counter set to 1 + the largest coordinator counter in the context and in the current siblings' clocks.",
    },
    (t) => {
      const { VectorClock, VersionedStore } = suite.impl();
      t.check(
        fc.property(fc.uniqueArray(nodeIdArb, { minLength: 2, maxLength: 2 }), fc.nat({ max: 3 }), fc.integer({ min: 1, max: 3 }), ([c, x], blind, foreign) => {
          const [name, other] = [JSON.stringify(c), JSON.stringify(x)];
          const s = new VersionedStore<string>(c!);
          const t = new VersionedStore<string>(x!);
          for (let i = 1; i <= blind; i++) {
            const clock = s.put('k', `s${i}`, VectorClock.empty());
            expectCounters(clock, new Map([[c!, i]]), `blind write ${i} to "k" through ${name}, beside ${i - 1} sibling(s) stamped by ${name}`, [c!, x!]);
          }
          for (let i = 1; i <= foreign; i++) t.put('k', `t${i}`, t.get('k').context);
          const theirs = t.get('k').context;
          const clock = s.put('k', 'from-t', theirs);
          const expected = new Map([[x!, foreign], [c!, blind + 1]]);
          expectCounters(clock, expected, `a write to "k" through ${name} with the context read at ${other}, ${show(readClock(theirs, [c!, x!]))}, beside ${blind} sibling(s) stamped by ${name}`, [c!, x!]);
          const ours = s.get('k').context;
          const onNewKey = s.put('new key', 'n', ours);
          expected.set(c!, blind + 2);
          expectCounters(onNewKey, expected, `a write to a new key through ${name} with the context of "k", ${show(readClock(ours, [c!, x!]))} (the context's own ${name} counter counts)`, [c!, x!]);
          expectCounters(s.get('new key').siblings[0]!.clock, expected, 'the clock of the version that write stored', [c!, x!]);
        }),
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'writes through one coordinator with the same stale context all survive as siblings, with distinct clocks (Dynamo §4.4)',
      clauses: ['VC-3.5', 'VC-3.6', 'VC-3.7'],
      hint: 'README, task 3: decide survival by the context the writer sent, never by the new clock, and stamp above every sibling so two stale writes never share a clock.',
    },
    (t) => {
      const { VersionedStore } = suite.impl();
      t.check(
        fc.property(nodeIdArb, fc.nat({ max: 3 }), fc.integer({ min: 2, max: 5 }), fc.boolean(), (c, prior, writers, same) => {
          const s = new VersionedStore<string>(c);
          for (let i = 1; i <= prior; i++) s.put('cart', `v${i}`, s.get('cart').context);
          const stale = s.get('cart').context; // every writer read this, then wrote without reading again
          // Half the time every writer writes the same value: still one version per write.
          const values = Array.from({ length: writers }, (_, i) => (same ? 'the same value' : `writer ${i + 1}`));
          const returned = values.map((value) => s.put('cart', value, stale));
          const what = `${writers} writes through ${JSON.stringify(c)} of ${same ? 'one value' : 'different values'}, each sent with the same context ${show(readClock(stale, [c]))}`;
          const { siblings } = s.get('cart');
          expect(siblings.map((v) => v.value), `${what}: the siblings, oldest first (none of the writers saw the others)`).toEqual(values);
          siblings.forEach((v, i) => {
            const expected = new Map([[c, prior + i + 1]]);
            expectCounters(v.clock, expected, `${what}: the clock of sibling ${i + 1}, ${v.value}`, [c]);
            expectCounters(returned[i]!, expected, `${what}: the clock put returned for write ${i + 1}, ${v.value}`, [c]);
          });
        }),
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'a write whose context has seen every sibling replaces them all',
      clauses: ['VC-3.5', 'VC-3.4'],
      hint: "README, task 3: the context of a read is the merge of every sibling's clock, so it covers each of them, whichever coordinator stamped it.",
    },
    (t) => {
      const { VectorClock, VersionedStore } = suite.impl();
      t.check(
        fc.property(fc.uniqueArray(nodeIdArb, { minLength: 2, maxLength: 2 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), ([c, x], kinds) => {
          const s = new VersionedStore<string>(c!);
          const t = new VersionedStore<string>(x!);
          let foreign = 0;
          kinds.forEach((viaOther, i) => {
            if (viaOther) t.put('k', `t${++foreign}`, t.get('k').context);
            s.put('k', `w${i + 1}`, viaOther ? t.get('k').context : VectorClock.empty());
          });
          const story = kinds.map((viaOther, i) => `w${i + 1} ${viaOther ? `with a context read at ${JSON.stringify(x)}` : 'blind'}`).join(', ');
          expect(s.get('k').siblings.map((v) => v.value), `siblings after ${story} (all concurrent)`).toEqual(kinds.map((_, i) => `w${i + 1}`));
          const { context } = s.get('k');
          s.put('k', 'reconciled', context);
          const after = s.get('k');
          const expected = new Map([[c!, kinds.length + 1]]);
          if (foreign > 0) expected.set(x!, foreign);
          expect(after.siblings.map((v) => v.value), `siblings after ${story}, then "reconciled" written with the context of a read of all of them, ${show(readClock(context, [c!, x!]))}`).toEqual(['reconciled']);
          expectCounters(after.context, expected, 'the context after the reconciling write', [c!, x!]);
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'correctness',
      name: "keys are independent, including '__proto__', 'constructor' and the empty string",
      clauses: ['VC-3.2'],
      hint: "README, task 3: keep the versions in a Map; a plain object already has '__proto__', 'constructor' and 'toString'.",
    },
    (t) => {
      const { VectorClock, VersionedStore } = suite.impl();
      t.check(
        fc.property(nodeIdArb, fc.array(fc.record({ key: fc.constantFrom(...AWKWARD_KEYS), fresh: fc.boolean() }), { minLength: 1, maxLength: 25 }), (c, writes) => {
          const s = new VersionedStore<string>(c);
          const oracle = new OracleStore(c);
          writes.forEach(({ key, fresh }, i) => {
            const value = `w${i + 1}`;
            oracle.put(key, value, fresh ? oracle.context(key) : new Map());
            s.put(key, value, fresh ? s.get(key).context : VectorClock.empty());
            for (const other of AWKWARD_KEYS) {
              const where = `after put(${JSON.stringify(key)}, "${value}", ${fresh ? 'its fresh context' : 'the empty context'})`;
              expect(s.get(other).siblings.map((v) => v.value), `values of get(${JSON.stringify(other)}) ${where}`).toEqual(oracle.siblings(other).map((w) => w.value));
            }
          });
        }),
      );
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'put leaves the context it was given unchanged',
      clauses: ['VC-3.8'],
      hint: 'README, task 3: the caller owns its context and may send it again; build the new clock as a new value.',
    },
    (t) => {
      const { VectorClock, VersionedStore } = suite.impl();
      t.check(
        fc.property(fc.uniqueArray(nodeIdArb, { minLength: 2, maxLength: 2 }), fc.integer({ min: 1, max: 4 }), ([c, x], rounds) => {
          const s = new VersionedStore<string>(c!);
          const t = new VersionedStore<string>(x!);
          t.put('k', 't', VectorClock.empty());
          const contexts: [string, Clock][] = [['the empty clock', VectorClock.empty()], [`a context read at ${JSON.stringify(x)}`, t.get('k').context]];
          for (let i = 0; i < rounds; i++) {
            s.put('k', `w${i}`, VectorClock.empty());
            contexts.push([`a context read after ${i + 1} write(s)`, s.get('k').context]);
          }
          for (const [what, context] of contexts) {
            const before = show(readClock(context, [c!, x!]));
            s.put('k', `with ${what}`, context);
            s.put('k', `again with ${what}`, context);
            expect(show(readClock(context, [c!, x!])), `${what} after two puts with it`).toBe(before);
          }
          expect(show(readClock(VectorClock.empty(), [c!, x!])), 'VectorClock.empty() after all those puts').toBe('[]');
        }),
      );
    },
  );

  suite.test(
    {
      points: 1,
      category: 'correctness',
      name: 'a key never written reads as no siblings and the empty context',
      clauses: ['VC-3.3', 'VC-3.4'],
      hint: 'README, task 3: look the key up in a Map and fall back to no siblings; the merge of no clocks is VectorClock.empty().',
    },
    () => {
      const { VectorClock, VersionedStore } = suite.impl();
      const store = new VersionedStore<string>('node-a');
      const unknown = [...AWKWARD_KEYS.filter((k) => k !== 'cart'), 'never written'];
      for (const round of ['in a new store', 'after a write to "cart"']) {
        for (const key of unknown) {
          const read = store.get(key);
          expect(read.siblings, `get(${JSON.stringify(key)}).siblings ${round}`).toEqual([]);
          expect(read.context.entries(), `get(${JSON.stringify(key)}).context.entries() ${round}`).toEqual([]);
          expect(read.context.get('node-a'), `get(${JSON.stringify(key)}).context.get("node-a") ${round}`).toBe(0);
        }
        store.put('cart', 'x', VectorClock.empty());
      }
    },
  );

  suite.test(
    {
      points: 2,
      category: 'api',
      name: 'changing the siblings array a read returned changes neither the store nor a later read, and each value is the very one that was put',
      clauses: ['VC-3.9', 'VC-3.10'],
      hint: 'README, task 3: return a copy of your sibling list from get (or a frozen one); the values in it are the ones put was given, not copies.',
    },
    () => {
      const { VectorClock, VersionedStore } = suite.impl();
      type Cart = { items: string[]; total: () => number };
      const store = new VersionedStore<Cart>('');
      const milk: Cart = { items: ['milk'], total: () => 1 };
      const eggs: Cart = { items: ['eggs'], total: () => 2 };
      store.put('cart', milk, VectorClock.empty());
      store.put('cart', eggs, VectorClock.empty());
      const first = store.get('cart');
      const second = store.get('cart');
      expect(first.siblings[0]!.value === milk && first.siblings[1]!.value === eggs, 'the values of the siblings are the objects put was given (===), oldest first').toBe(true);
      expect(first.siblings[1]!.value.total(), 'a value with a method, read back').toBe(2);
      attempt(first.siblings, 3);
      attempt(first.siblings, 1, { value: { items: ['vandal'], total: () => 0 }, clock: VectorClock.from([['', 9]]) });
      const after = store.get('cart');
      expect(after.siblings.map((v) => v.value.items[0]), 'get("cart") after the caller reversed and pushed onto the siblings array of an earlier read').toEqual(['milk', 'eggs']);
      expect(after.context.entries(), 'its context').toEqual([['', 2]]);
      attempt(second.siblings, 4);
      const clock = store.put('cart', milk, after.context);
      expect(clock.entries(), 'put with the context of that read, after the caller emptied another read\'s array: the clock').toEqual([['', 3]]);
      const last = store.get('cart');
      expect(last.siblings.length === 1 && last.siblings[0]!.value === milk, 'get("cart") after that write: one sibling, the very object written').toBe(true);
      // Values of every kind are kept by reference: arrays, maps and byte arrays as much as plain objects.
      for (const value of [['milk', 'eggs'], new Map([['milk', 1]]), Uint8Array.of(1, 2), [] as unknown[]]) {
        const kinds = new VersionedStore<unknown>('n');
        kinds.put('k', value, VectorClock.empty());
        const got = kinds.get('k').siblings[0]?.value;
        expect(got === value, `get returns the very ${Object.prototype.toString.call(value)} put was given (===), not a copy`).toBe(true);
      }
    },
  );

  suite.test(
    {
      points: 9,
      category: 'correctness',
      name: 'after any mix of fresh, stale and blind writes, get returns exactly the writes no later write had seen, oldest first, with their merged clocks as context',
      clauses: ['VC-3.1', 'VC-3.3', 'VC-3.4', 'VC-3.5', 'VC-3.6', 'VC-3.7', 'VC-3.9'],
      hint: 'README, task 3: put replaces the siblings whose clock ≤ the context it was given, keeps every other one, and appends the new version.',
    },
    (t) => {
      const { VectorClock, VersionedStore } = suite.impl();
      t.check(
        fc.property(scriptArb, ({ coordinators, steps }) => {
          const stores = coordinators.map((node) => new VersionedStore<string>(node));
          const oracles = coordinators.map((node) => new OracleStore(node));
          type Read = { readonly clock: Clock; readonly counters: Counters };
          const fresh = new Map<string, Read>();
          const reads: Read[] = [];
          const slot = (i: number, key: string) => `${i}\u0000${key}`;
          /** Reads key at store i and checks it; `again` reads it a second time, after the caller's changes (`vandal`). */
          const observe = (i: number, key: string, where: string, again = false, vandal = 0): Read => {
            const read = stores[i]!.get(key);
            expectRead(read, oracles[i]!, key, coordinators, where);
            if (again) reread(i, key, read, where, vandal);
            const seen = { clock: read.context, counters: oracles[i]!.context(key) };
            fresh.set(slot(i, key), seen);
            return seen;
          };
          const reread = (i: number, key: string, read: ReadResult<string>, where: string, vandal: number): void => {
            const shown = (r: ReadResult<string>): string =>
              JSON.stringify([r.siblings.map((v) => [v.value, show(readClock(v.clock, coordinators))]), show(readClock(r.context, coordinators))]);
            const firstRead = shown(read);
            // The caller may change the siblings array it read (through a cast); the store must not see it. A frozen
            // array, which refuses the change, is as good.
            attempt(read.siblings, vandal);
            // Read again (after the caller's changes, if any): the same as the first read, which the oracle vouched for.
            expect(
              shown(stores[i]!.get(key)),
              `get(${JSON.stringify(key)}) at coordinator ${JSON.stringify(coordinators[i])} ${where}, read a second time${vandal > 0 ? ', after the caller changed the siblings array of the first read' : ''}: [[value, clock] of each sibling, context]`,
            ).toBe(firstRead);
          };
          for (let i = 0; i < stores.length; i++) for (const key of ['cart', '__proto__']) observe(i, key, 'before any write');
          steps.forEach(({ store, key, context, value: repeated, vandal }, n) => {
            const i = store % stores.length;
            const value = repeated ?? `w${n + 1}`;
            const choice: Read =
              context === 'blind' || (context !== 'fresh' && reads.length === 0)
                ? { clock: VectorClock.empty(), counters: new Map() }
                : context === 'fresh'
                  ? fresh.get(slot(i, key))!
                  : reads[context.stale % reads.length]!;
            const kind = context === 'fresh' ? 'the fresh context' : choice.counters.size === 0 ? 'the empty context' : 'an earlier context';
            const where = `after put(${JSON.stringify(key)}, "${value}", ${kind} ${show(choice.counters)})`;
            const expectedClock = oracles[i]!.put(key, value, choice.counters);
            const returned = stores[i]!.put(key, value, choice.clock);
            expectCounters(returned, expectedClock, `the clock put returned for ${value} at coordinator ${JSON.stringify(coordinators[i])}`, coordinators);
            for (let j = 0; j < stores.length; j++) for (const other of ['cart', '__proto__']) reads.push(observe(j, other, where, j === i && other === key, vandal));
          });
        }),
        // Every read of every store is checked after every step: 80 runs keep it near the cost it had before.
        { numRuns: 80 },
      );
    },
  );
});
