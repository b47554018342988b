/**
 * Task 1: the counters against the abstract execution the generator builds:
 * which increments each replica has seen. A replica's value is the sum of
 * what it has seen and its state each replica's own total, however often and
 * in whatever order states were delivered.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectRangeError } from '../../../harness/suite';
import type { GCounterState } from '../../../exercises/crdt/types';
import { canonCounter } from './model';
import { countersSuite, replicasArb } from './support';

const suite = countersSuite();

const amountArb = fc.oneof(fc.constant(undefined), fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 1_000_000 }));

/** A history over `size` replicas: operations and merges, each merge delivering a state once or more. */
const historyArb = (decrements: boolean) =>
  replicasArb(1, 4).chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      steps: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constantFrom(...(decrements ? (['inc', 'dec'] as const) : (['inc'] as const))), at: fc.nat(ids.length - 1), n: amountArb }),
          fc.record({ kind: fc.constant('merge' as const), from: fc.nat(ids.length - 1), to: fc.nat(ids.length - 1), times: fc.integer({ min: 1, max: 3 }) }),
        ),
        { maxLength: 40, size: 'max' },
      ),
    }),
  );

/** What the abstract execution says: each op id seen by each replica. */
interface Op {
  readonly replica: string;
  readonly sign: 1 | -1;
  readonly n: number;
}
function expected(ops: readonly Op[], seen: ReadonlySet<number>, sign: 1 | -1): GCounterState {
  const totals = new Map<string, number>();
  for (const i of seen) if (ops[i]!.sign === sign) totals.set(ops[i]!.replica, (totals.get(ops[i]!.replica) ?? 0) + ops[i]!.n);
  return new Map([...totals].filter(([, n]) => n > 0));
}
const sum = (state: GCounterState): number => [...state.values()].reduce((a, b) => a + b, 0);
const show = (state: GCounterState): string => JSON.stringify([...state]);

suite.task(1, () => {
  suite.test(
    {
      points: 6,
      category: 'correctness',
      name: 'a G-counter’s value is the sum of every increment it has seen, and its state each replica’s total',
      clauses: ['CRDT-1.1', 'CRDT-1.2', 'CRDT-0.4'],
      hint: 'README, task 1: merge keeps each replica’s greater total; a state delivered twice must not count twice.',
    },
    (t) => {
      const { GCounter } = suite.impl();
      t.check(
        fc.property(historyArb(false), ({ ids, steps }) => {
          const replicas = ids.map((id) => new GCounter(id));
          const ops: Op[] = [];
          const seen = ids.map(() => new Set<number>());
          for (const [k, step] of steps.entries()) {
            if (step.kind === 'merge') {
              for (let i = 0; i < step.times; i++) replicas[step.to]!.merge(replicas[step.from]!.state());
              for (const op of seen[step.from]!) seen[step.to]!.add(op);
            } else {
              if (step.n === undefined) replicas[step.at]!.increment();
              else replicas[step.at]!.increment(step.n);
              ops.push({ replica: ids[step.at]!, sign: 1, n: step.n ?? 1 });
              seen[step.at]!.add(ops.length - 1);
            }
            const at = step.kind === 'merge' ? step.to : step.at;
            const want = expected(ops, seen[at]!, 1);
            const what = `after step ${k} (${JSON.stringify(step)}), replica ${JSON.stringify(ids[at])}`;
            expect(canonCounter(replicas[at]!.state()), `${what}: state() is ${show(replicas[at]!.state())}, expected ${show(want)}`).toBe(canonCounter(want));
            expect(replicas[at]!.value(), `${what}: value()`).toBe(sum(want));
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 5,
      category: 'correctness',
      name: 'a PN-counter’s value is what it has seen added less what it has seen taken away',
      clauses: ['CRDT-1.3', 'CRDT-0.4'],
      hint: 'README, task 1: two G-counters, p for increments and n for decrements; merge each with its own kind.',
    },
    (t) => {
      const { PNCounter } = suite.impl();
      t.check(
        fc.property(historyArb(true), ({ ids, steps }) => {
          const replicas = ids.map((id) => new PNCounter(id));
          const ops: Op[] = [];
          const seen = ids.map(() => new Set<number>());
          for (const [k, step] of steps.entries()) {
            if (step.kind === 'merge') {
              for (let i = 0; i < step.times; i++) replicas[step.to]!.merge(replicas[step.from]!.state());
              for (const op of seen[step.from]!) seen[step.to]!.add(op);
            } else {
              const r = replicas[step.at]!;
              if (step.kind === 'inc') step.n === undefined ? r.increment() : r.increment(step.n);
              else step.n === undefined ? r.decrement() : r.decrement(step.n);
              ops.push({ replica: ids[step.at]!, sign: step.kind === 'inc' ? 1 : -1, n: step.n ?? 1 });
              seen[step.at]!.add(ops.length - 1);
            }
            const at = step.kind === 'merge' ? step.to : step.at;
            const [p, n] = [expected(ops, seen[at]!, 1), expected(ops, seen[at]!, -1)];
            const what = `after step ${k} (${JSON.stringify(step)}), replica ${JSON.stringify(ids[at])}`;
            const state = replicas[at]!.state();
            expect(canonCounter(state.p), `${what}: state().p is ${show(state.p)}, expected ${show(p)}`).toBe(canonCounter(p));
            expect(canonCounter(state.n), `${what}: state().n is ${show(state.n)}, expected ${show(n)}`).toBe(canonCounter(n));
            expect(replicas[at]!.value(), `${what}: value()`).toBe(sum(p) - sum(n));
          }
        }),
      );
    },
  );

  suite.test(
    {
      points: 4,
      category: 'correctness',
      name: 'counter merges are joins: commutative, associative, idempotent, and never lower a total',
      clauses: ['CRDT-0.3', 'CRDT-1.2', 'CRDT-1.3'],
      hint: 'README, task 1: the join of two totals of one replica is their maximum, whatever the order.',
    },
    (t) => {
      const { GCounter, PNCounter } = suite.impl();
      // Three states reachable by one history: each replica's, after some operations and merges.
      t.check(
        fc.property(historyArb(true), fc.nat(), fc.nat(), fc.nat(), ({ ids, steps }, i, j, k) => {
          const replicas = ids.map((id) => new PNCounter(id));
          for (const step of steps) {
            if (step.kind === 'merge') replicas[step.to]!.merge(replicas[step.from]!.state());
            else if (step.kind === 'inc') replicas[step.at]!.increment(step.n ?? 1);
            else replicas[step.at]!.decrement(step.n ?? 1);
          }
          const [a, b, c] = [i, j, k].map((x) => replicas[x % replicas.length]!.state()) as [ReturnType<(typeof replicas)[0]['state']>, ReturnType<(typeof replicas)[0]['state']>, ReturnType<(typeof replicas)[0]['state']>];
          const pn = (...states: (typeof a)[]) => {
            const r = new PNCounter('fresh');
            for (const s of states) r.merge(s);
            return `${canonCounter(r.state().p)} ${canonCounter(r.state().n)} = ${r.value()}`;
          };
          const g = (...states: GCounterState[]) => {
            const r = new GCounter('fresh');
            for (const s of states) r.merge(s);
            return `${canonCounter(r.state())} = ${r.value()}`;
          };
          for (const [join, x, y, z, kind] of [
            [pn, a, b, c, 'PN'],
            [g, a.p, b.p, c.p, 'G'],
          ] as const) {
            const j2 = join as (...s: unknown[]) => string;
            expect(j2(x, y), `${kind}: merge(a, b) and merge(b, a)`).toBe(j2(y, x));
            expect(j2(x, y, z), `${kind}: merge(merge(a, b), c) and merge(merge(c, b), a)`).toBe(j2(z, y, x));
            expect(j2(x, x), `${kind}: merge(a, a) and a`).toBe(j2(x));
          }
          // Associativity, with the inner merge done by a replica of its own.
          const inner = new PNCounter('inner');
          inner.merge(b);
          inner.merge(c);
          expect(pn(a, inner.state()), 'PN: merge(a, merge(b, c)) and merge(merge(a, b), c)').toBe(pn(a, b, c));
          const innerG = new GCounter('inner');
          innerG.merge(b.p);
          innerG.merge(c.p);
          expect(g(a.p, innerG.state()), 'G: merge(a, merge(b, c)) and merge(merge(a, b), c)').toBe(g(a.p, b.p, c.p));
          // An inflation: no total of a goes down when b is merged in.
          const r = new GCounter('fresh');
          r.merge(a.p);
          r.merge(b.p);
          for (const [id, total] of a.p) expect(r.state().get(id) ?? 0, `G: the total of ${JSON.stringify(id)} after merging b into a`).toBeGreaterThanOrEqual(total);
        }),
      );
    },
  );

  suite.test(
    {
      points: 3,
      category: 'api',
      name: 'counters refuse amounts and totals out of range, accept both ends, and change nothing when they refuse',
      clauses: ['CRDT-0.1', 'CRDT-1.1', 'CRDT-1.2', 'CRDT-1.3'],
      hint: 'README, task 1 and "These rules hold for the whole exercise": n is a safe integer ≥ 0; check everything before changing anything.',
    },
    () => {
      const { GCounter, PNCounter } = suite.impl();
      const MAX = Number.MAX_SAFE_INTEGER;
      const bad = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, MAX + 1, -0.5];
      for (const n of bad) {
        const g = new GCounter('g');
        g.increment(2);
        expectRangeError(`GCounter.increment(${n})`, () => g.increment(n));
        expect(canonCounter(g.state()), `GCounter's state after a refused increment(${n})`).toBe(canonCounter(new Map([['g', 2]])));
        const p = new PNCounter('p');
        p.increment(3);
        p.decrement(1);
        expectRangeError(`PNCounter.increment(${n})`, () => p.increment(n));
        expectRangeError(`PNCounter.decrement(${n})`, () => p.decrement(n));
        expect(p.value(), `PNCounter's value after refused calls with ${n}`).toBe(2);
        expect(canonCounter(p.state().p) + canonCounter(p.state().n), `PNCounter's state after refused calls with ${n}`).toBe(canonCounter(new Map([['p', 3]])) + canonCounter(new Map([['p', 1]])));
      }
      // Both ends: 0 changes nothing and leaves no entry; MAX_SAFE_INTEGER is a total, and one more is refused.
      const g = new GCounter('');
      g.increment(0);
      expect(g.state().size, 'GCounter: increment(0) leaves no entry').toBe(0);
      expect(g.value(), 'GCounter: value() of a counter never incremented').toBe(0);
      g.increment(MAX);
      expect(g.value(), 'GCounter: increment(MAX_SAFE_INTEGER)').toBe(MAX);
      expectRangeError('GCounter.increment(1) at a total of MAX_SAFE_INTEGER', () => g.increment(1));
      expect(g.value(), 'GCounter: a refused increment past MAX_SAFE_INTEGER changes nothing').toBe(MAX);
      const p = new PNCounter('');
      p.decrement(0);
      p.increment(0);
      expect(p.state().p.size + p.state().n.size, 'PNCounter: increment(0) and decrement(0) leave no entries').toBe(0);
      p.decrement(MAX);
      expectRangeError('PNCounter.decrement(1) at a total of MAX_SAFE_INTEGER', () => p.decrement(1));
      expect(p.value(), 'PNCounter: decrement(MAX_SAFE_INTEGER), then a refused decrement').toBe(-MAX);
      // merge: a total that is not a positive safe integer is refused, and the replica keeps what it had.
      for (const n of [0, ...bad]) {
        const r = new GCounter('r');
        r.increment(4);
        expectRangeError(`GCounter.merge of a total ${n}`, () => r.merge(new Map([['a', 7], ['s', n]])));
        expect(canonCounter(r.state()), `GCounter's state after refusing a total of ${n}`).toBe(canonCounter(new Map([['r', 4]])));
        const q = new PNCounter('q');
        q.increment(4);
        expectRangeError(`PNCounter.merge with a total ${n} in n`, () => q.merge({ p: new Map([['a', 7]]), n: new Map([['s', n]]) }));
        expectRangeError(`PNCounter.merge with a total ${n} in p`, () => q.merge({ p: new Map([['s', n]]), n: new Map([['a', 7]]) }));
        expect(q.value(), `PNCounter's value after refusing a total of ${n} in either half`).toBe(4);
      }
      const r = new GCounter('r');
      r.merge(new Map([['big', MAX]]));
      expect(r.value(), 'GCounter.merge of a total of MAX_SAFE_INTEGER').toBe(MAX);
    },
  );

  suite.test(
    {
      points: 2,
      category: 'correctness',
      name: 'a counter’s state is the caller’s: changing it, or what was merged, changes nothing else',
      clauses: ['CRDT-0.2'],
      hint: 'README, "These rules hold for the whole exercise": state() returns a new Map; merge copies what it keeps.',
    },
    () => {
      const { GCounter, PNCounter } = suite.impl();
      const g = new GCounter('g');
      g.increment(5);
      const given = new Map([['h', 3]]);
      g.merge(given);
      given.set('h', 100);
      given.set('i', 7);
      const out = g.state() as Map<string, number>;
      out.set('g', 999);
      out.delete('h');
      expect(canonCounter(g.state()), 'GCounter after the caller changed what it merged and what state() returned').toBe(canonCounter(new Map([['g', 5], ['h', 3]])));
      expect(g.state(), 'GCounter.state() twice: two Maps').not.toBe(g.state());
      // A counter with nothing of its own yet must still copy what it merges, not adopt it.
      const fresh = new GCounter('fresh');
      const first = new Map([['h', 3]]);
      fresh.merge(first);
      first.set('h', 50);
      first.set('z', 1);
      expect(canonCounter(fresh.state()), 'a new GCounter after the caller changed the first Map it merged').toBe(canonCounter(new Map([['h', 3]])));
      const freshPn = new PNCounter('fresh');
      const firstPn = { p: new Map([['h', 3]]), n: new Map([['h', 1]]) };
      freshPn.merge(firstPn);
      firstPn.p.set('h', 50);
      firstPn.n.set('h', 40);
      expect(freshPn.value(), 'a new PNCounter after the caller changed the first state it merged').toBe(2);
      const p = new PNCounter('p');
      p.increment(2);
      p.decrement(1);
      const given2 = { p: new Map([['q', 4]]), n: new Map([['q', 1]]) };
      p.merge(given2);
      given2.p.set('q', 50);
      given2.n.set('z', 50);
      const s = p.state();
      (s.p as Map<string, number>).set('p', 70);
      (s.n as Map<string, number>).clear();
      expect(p.value(), 'PNCounter after the caller changed what it merged and what state() returned').toBe(2 + 4 - 1 - 1);
    },
  );
});
