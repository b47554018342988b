/**
 * Task 2, the LWW-register, against the abstract execution: every write with
 * the stamp the README gives it, and which writes each replica has seen. A
 * replica holds the seen write with the greatest (ts, replica) pair.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectRangeError } from '../../../harness/suite';
import type { LwwWrite } from '../../../exercises/crdt/types';
import { registerSuite, replicasArb } from './support';

const suite = registerSuite();

/** Timestamps that tie often, and now and then a large one. */
const tsArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000 }) });

const historyArb = replicasArb(1, 4).chain((ids) =>
  fc.record({
    ids: fc.constant(ids),
    steps: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('set' as const), at: fc.nat(ids.length - 1), ts: tsArb }),
        fc.record({ kind: fc.constant('merge' as const), from: fc.nat(ids.length - 1), to: fc.nat(ids.length - 1), times: fc.integer({ min: 1, max: 3 }) }),
      ),
      { maxLength: 40, size: 'max' },
    ),
  }),
);

/** (ts, replica) order, replica ids by code units as `<` compares them. */
const greater = (a: LwwWrite<string>, b: LwwWrite<string>): boolean => a.ts > b.ts || (a.ts === b.ts && a.replica > b.replica);
const winner = (writes: readonly LwwWrite<string>[]): LwwWrite<string> | undefined => writes.reduce<LwwWrite<string> | undefined>((best, w) => (best === undefined || greater(w, best) ? w : best), undefined);
const show = (w: LwwWrite<unknown> | undefined): string => (w === undefined ? 'undefined' : `{ts: ${w.ts}, replica: ${JSON.stringify(w.replica)}, value: ${JSON.stringify(w.value)}}`);

suite.task(
  2,
  () => {
    suite.test(
      {
        points: 5,
        category: 'correctness',
        name: 'an LWW-register holds the seen write with the greatest (timestamp, replica) pair, a local write stamped past what it had seen',
        clauses: ['CRDT-2.1', 'CRDT-2.2', 'CRDT-0.3', 'CRDT-0.4'],
        hint: 'README, task 2: compare timestamps first, then replica ids with <; a write’s timestamp is max(ts, held ts + 1).',
      },
      (t) => {
        const { LwwRegister } = suite.impl();
        t.check(
          fc.property(historyArb, ({ ids, steps }) => {
            const replicas = ids.map((id) => new LwwRegister<string>(id));
            const writes: LwwWrite<string>[] = [];
            const seen = ids.map(() => new Set<number>());
            for (const [k, step] of steps.entries()) {
              if (step.kind === 'merge') {
                for (let i = 0; i < step.times; i++) replicas[step.to]!.merge(replicas[step.from]!.state());
                for (const w of seen[step.from]!) seen[step.to]!.add(w);
              } else {
                const held = winner([...seen[step.at]!].map((i) => writes[i]!));
                const value = `w${writes.length}`;
                writes.push({ ts: held === undefined ? step.ts : Math.max(step.ts, held.ts + 1), replica: ids[step.at]!, value });
                seen[step.at]!.add(writes.length - 1);
                replicas[step.at]!.set(value, step.ts);
              }
              const at = step.kind === 'merge' ? step.to : step.at;
              const want = winner([...seen[at]!].map((i) => writes[i]!));
              const got = replicas[at]!.state();
              const what = `after step ${k} (${JSON.stringify(step)}), replica ${JSON.stringify(ids[at])}`;
              expect(show(got), `${what}: state()`).toBe(show(want));
              expect(replicas[at]!.value(), `${what}: value()`).toBe(want?.value);
            }
          }),
        );
      },
    );

    suite.test(
      {
        points: 3,
        category: 'api',
        name: 'an LWW-register refuses timestamps out of range, accepts both ends, and changes nothing when it refuses',
        clauses: ['CRDT-0.1', 'CRDT-2.1', 'CRDT-2.2'],
        hint: 'README, task 2: ts is a safe integer ≥ 0, in set and in a merged state; a stamp past MAX_SAFE_INTEGER is refused.',
      },
      () => {
        const { LwwRegister } = suite.impl();
        const MAX = Number.MAX_SAFE_INTEGER;
        for (const ts of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1, -0.25]) {
          const r = new LwwRegister<string>('r');
          r.set('kept', 7);
          expectRangeError(`LwwRegister.set(…, ${ts})`, () => r.set('refused', ts));
          expectRangeError(`LwwRegister.merge of a write with ts ${ts}`, () => r.merge({ ts, replica: 'zzz', value: 'refused' }));
          expect(show(r.state()), `the register after refusing ts ${ts}`).toBe(show({ ts: 7, replica: 'r', value: 'kept' }));
        }
        const r = new LwwRegister<string>('');
        expect(r.value(), 'value() before any write').toBeUndefined();
        expect(r.state(), 'state() before any write').toBeUndefined();
        r.merge(undefined);
        expect(r.state(), 'state() after merge(undefined)').toBeUndefined();
        r.set('zero', 0);
        expect(show(r.state()), 'set(…, 0) on an empty register').toBe(show({ ts: 0, replica: '', value: 'zero' }));
        r.set('again', 0);
        expect(show(r.state()), 'set(…, 0) over a write at 0: one more than the held timestamp').toBe(show({ ts: 1, replica: '', value: 'again' }));
        r.merge(undefined);
        expect(r.value(), 'merge(undefined) changes nothing').toBe('again');
        r.set('max', MAX);
        expect(show(r.state()), 'set(…, MAX_SAFE_INTEGER)').toBe(show({ ts: MAX, replica: '', value: 'max' }));
        expectRangeError('LwwRegister.set(…, 5) over a write at MAX_SAFE_INTEGER', () => r.set('past', 5));
        expect(r.value(), 'a set refused for a stamp past MAX_SAFE_INTEGER changes nothing').toBe('max');
        // Ties go by code units, as < compares strings: "B" < "a" < "zz" < "é", whatever a locale would say.
        for (const [low, high] of [['B', 'a'], ['a', 'zz'], ['zz', 'é'], ['e\u0301', 'é'], ['', '__proto__'], ['Z', '_']] as const) {
          for (const order of [[low, high], [high, low]] as const) {
            const t = new LwwRegister<string>('t');
            for (const replica of order) t.merge({ ts: 5, replica, value: `from ${replica}` });
            expect(t.value(), `writes at ts 5 from ${JSON.stringify(order[0])} then ${JSON.stringify(order[1])}: the greater replica id by <`).toBe(`from ${high}`);
          }
        }
        const s = new LwwRegister<string>('s');
        s.merge({ ts: MAX, replica: 'x', value: 'far' });
        expect(s.value(), 'merge of a write at MAX_SAFE_INTEGER').toBe('far');
        s.merge({ ts: MAX, replica: 'x', value: 'same pair, another value' });
        expect(s.value(), 'an equal (ts, replica) pair keeps the held write').toBe('far');
      },
    );

    suite.test(
      {
        points: 2,
        category: 'correctness',
        name: 'an LWW-register’s state is a new object, and its values are held as they are, never copied',
        clauses: ['CRDT-0.2', 'CRDT-2.2'],
        hint: 'README, "These rules hold for the whole exercise": state() returns a new object; a value is the one given.',
      },
      () => {
        const { LwwRegister } = suite.impl();
        const value = { name: 'v' };
        const r = new LwwRegister<{ name: string }>('r');
        r.set(value, 3);
        expect(r.value(), 'value() is the very object given to set').toBe(value);
        const out = r.state() as { ts: number; replica: string; value: unknown };
        expect(out.value, 'state().value is the very object given to set').toBe(value);
        out.ts = 1_000;
        out.replica = 'zzz';
        out.value = { name: 'changed' };
        expect(r.state()?.ts, 'the register after the caller changed what state() returned').toBe(3);
        expect(r.value(), 'the register’s value after the caller changed what state() returned').toBe(value);
        const other = { name: 'o' };
        const given = { ts: 9, replica: 'a', value: other };
        r.merge(given);
        given.ts = 1;
        given.replica = '';
        expect(r.state()?.ts, 'the register after the caller changed the write it merged').toBe(9);
        expect(r.state()?.replica, 'the register after the caller changed the write it merged').toBe('a');
        expect(r.value(), 'a merged value is the very object merged').toBe(other);
      },
    );
  },
  { part: 1 },
);
