/**
 * Task 2, the add-wins OR-set: every operation, delta and merge against the
 * model (model.ts), on histories where deltas and whole states arrive late,
 * twice, out of order, or written by another hand; the add-wins rule against
 * the abstract execution alone; the join laws; refused states; ownership.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { expectRangeError } from '../../../harness/suite';
import type { Dot, OrSetState } from '../../../exercises/crdt/types';
import { below, canonSet, ModelSet, showSet } from './model';
import { ELEMENTS, expectSetState, reordered, replicasArb, setSuite, sortedValue, type OrSetLike } from './support';

const suite = setSuite();

type Step =
  | { readonly kind: 'add' | 'remove'; readonly at: number; readonly element: number }
  | { readonly kind: 'merge'; readonly from: number; readonly to: number; readonly times: number; readonly foreign: boolean }
  | { readonly kind: 'delta'; readonly which: number; readonly to: number; readonly times: number; readonly foreign: boolean };

/** Histories over 1 to 4 replicas; `deltas` adds steps that deliver any earlier delta anywhere. */
const historyArb = (deltas: boolean, maxLength = 40) =>
  replicasArb(1, 4).chain((ids) => {
    const at = fc.nat(ids.length - 1);
    const steps: fc.Arbitrary<Step>[] = [
      fc.record({ kind: fc.constantFrom('add' as const, 'add' as const, 'remove' as const), at, element: fc.nat(ELEMENTS.length - 1) }),
      fc.record({ kind: fc.constant('merge' as const), from: at, to: at, times: fc.integer({ min: 1, max: 2 }), foreign: fc.boolean() }),
    ];
    if (deltas) steps.push(fc.record({ kind: fc.constant('delta' as const), which: fc.nat(), to: at, times: fc.integer({ min: 1, max: 2 }), foreign: fc.boolean() }));
    return fc.record({ ids: fc.constant(ids), steps: fc.array(fc.oneof(...steps), { maxLength, size: 'max' }) });
  });

/** Asserts value(), has() and state() of a replica against the model's. */
function expectReplica(r: OrSetLike, m: ModelSet, what: string): void {
  expectSetState(r.state(), m.state(), `${what}: state()`);
  expect(sortedValue(r.value()), `${what}: value()`).toEqual(sortedValue(m.value()));
  for (const e of ELEMENTS) expect(r.has(e), `${what}: has(${JSON.stringify(e)})`).toBe(m.value().has(e));
}

suite.task(
  2,
  () => {
    suite.test(
      {
        points: 9,
        category: 'correctness',
        name: 'the OR-set’s adds, removes, deltas and merges are exactly the README’s, whatever arrives late, twice or out of order',
        clauses: ['CRDT-2.3', 'CRDT-2.4', 'CRDT-2.5', 'CRDT-2.6', 'CRDT-0.4'],
        hint: 'README, task 2: keep the context as vv plus cloud; a dot past a gap waits in the cloud until the gap fills.',
        deadlineMs: 20_000,
      },
      (t) => {
        const { OrSet } = suite.impl();
        t.check(
          fc.property(historyArb(true, 50), ({ ids, steps }) => {
            const replicas = ids.map((id) => new OrSet(id));
            const models = ids.map((id) => new ModelSet(id));
            const deltas: { readonly theirs: OrSetState; readonly ours: OrSetState; readonly what: string }[] = [];
            for (const [k, step] of steps.entries()) {
              const what = `after step ${k} (${JSON.stringify(step)})`;
              if (step.kind === 'add' || step.kind === 'remove') {
                const e = ELEMENTS[step.element]!;
                const theirs = step.kind === 'add' ? replicas[step.at]!.add(e) : replicas[step.at]!.remove(e);
                const ours = step.kind === 'add' ? models[step.at]!.add(e) : models[step.at]!.remove(e);
                expectSetState(theirs, ours, `${what}: the delta ${step.kind}(${JSON.stringify(e)}) returned at ${JSON.stringify(ids[step.at])}`);
                deltas.push({ theirs, ours, what: `${step.kind}(${JSON.stringify(e)}) at ${JSON.stringify(ids[step.at])}` });
                expectReplica(replicas[step.at]!, models[step.at]!, `${what}, replica ${JSON.stringify(ids[step.at])}`);
                continue;
              }
              if (step.kind !== 'merge' && step.kind !== 'delta') continue;
              if (step.kind === 'delta' && deltas.length === 0) continue;
              const to = step.to;
              const delta = step.kind === 'delta' ? deltas[step.which % deltas.length]! : undefined;
              const from = step.kind === 'merge' ? step.from : 0;
              for (let i = 0; i < step.times; i++) {
                // The learner's own state or delta, or the model's, written with its keys and dots in another order.
                const ours = delta ? delta.ours : models[from]!.state();
                const theirs = delta ? delta.theirs : replicas[from]!.state();
                replicas[to]!.merge(step.foreign ? reordered(ours) : theirs);
                models[to]!.joinState(ours);
              }
              expectReplica(replicas[to]!, models[to]!, `${what}${delta ? ` (the delta of ${delta.what})` : ''}, replica ${JSON.stringify(ids[to])}`);
            }
          }),
          { numRuns: 150 },
        );
      },
    );

    suite.test(
      {
        points: 5,
        category: 'correctness',
        name: 'an element is present iff some add of it the replica has seen is not in the causal past of a remove it has seen',
        clauses: ['CRDT-2.7'],
        hint: 'README, task 2: a remove takes away only the dots its replica had seen; a concurrent add survives it.',
      },
      (t) => {
        const { OrSet } = suite.impl();
        t.check(
          fc.property(historyArb(false), ({ ids, steps }) => {
            // The abstract execution: each operation, and the operations its replica had seen when it ran.
            const ops: { readonly add: boolean; readonly element: string; readonly past: ReadonlySet<number> }[] = [];
            const seen = ids.map(() => new Set<number>());
            const replicas = ids.map((id) => new OrSet(id));
            for (const [k, step] of steps.entries()) {
              if (step.kind === 'add' || step.kind === 'remove') {
                const e = ELEMENTS[step.element]!;
                ops.push({ add: step.kind === 'add', element: e, past: new Set(seen[step.at]) });
                seen[step.at]!.add(ops.length - 1);
                if (step.kind === 'add') replicas[step.at]!.add(e);
                else replicas[step.at]!.remove(e);
              } else if (step.kind === 'merge') {
                for (let i = 0; i < step.times; i++) replicas[step.to]!.merge(replicas[step.from]!.state());
                for (const o of seen[step.from]!) seen[step.to]!.add(o);
              }
              const at = step.kind === 'merge' ? step.to : step.kind === 'delta' ? step.to : step.at;
              const visible = [...seen[at]!];
              const present = ELEMENTS.filter((e) =>
                visible.some((a) => ops[a]!.add && ops[a]!.element === e && !visible.some((r) => !ops[r]!.add && ops[r]!.element === e && ops[r]!.past.has(a))),
              );
              expect(sortedValue(replicas[at]!.value()), `after step ${k} (${JSON.stringify(step)}), replica ${JSON.stringify(ids[at])} has seen ${visible.length} operations: value()`).toEqual([...present].sort());
            }
          }),
        );
      },
    );

    suite.test(
      {
        points: 4,
        category: 'correctness',
        name: 'OR-set merges are joins: commutative, associative, idempotent and an inflation, on states and deltas alike',
        clauses: ['CRDT-0.3', 'CRDT-2.6'],
        hint: 'README, task 2: the result of a merge may not depend on which side is this replica.',
      },
      (t) => {
        const { OrSet } = suite.impl();
        t.check(
          fc.property(historyArb(true), fc.nat(), fc.nat(), fc.nat(), ({ ids, steps }, i, j, k) => {
            const replicas = ids.map((id) => new OrSet(id));
            const reached: OrSetState[] = [];
            for (const step of steps) {
              if (step.kind === 'add') reached.push(replicas[step.at]!.add(ELEMENTS[step.element]!));
              else if (step.kind === 'remove') reached.push(replicas[step.at]!.remove(ELEMENTS[step.element]!));
              else if (step.kind === 'merge') replicas[step.to]!.merge(replicas[step.from]!.state());
              else if (step.kind === 'delta' && reached.length > 0) replicas[step.to]!.merge(reached[step.which % reached.length]!);
            }
            reached.push(...replicas.map((r) => r.state()));
            const [a, b, c] = [i, j, k].map((x) => reached[x % reached.length]!) as [OrSetState, OrSetState, OrSetState];
            const join = (...states: OrSetState[]) => {
              const r = new OrSet('fresh');
              for (const s of states) r.merge(s);
              return r;
            };
            const same = (x: OrSetLike, y: OrSetLike, what: string) => {
              if (canonSet(x.state()) !== canonSet(y.state())) expect.fail(`${what}:\n  ${showSet(x.state())}\n  ${showSet(y.state())}\n  a = ${showSet(a)}\n  b = ${showSet(b)}\n  c = ${showSet(c)}`);
              expect(sortedValue(x.value()), `${what}: value()`).toEqual(sortedValue(y.value()));
            };
            same(join(a, b), join(b, a), 'merge(a, b) and merge(b, a)');
            same(join(a, b, c), join(a, join(b, c).state()), 'merge(merge(a, b), c) and merge(a, merge(b, c))');
            same(join(a, a), join(a), 'merge(a, a) and a');
            const self = join(a);
            self.merge(self.state());
            same(self, join(a), 'a replica merging its own state');
            const ab = join(a, b).state();
            if (!below(a, ab)) expect.fail(`merge(a, b) lost something of a:\n  a = ${showSet(a)}\n  b = ${showSet(b)}\n  merge(a, b) = ${showSet(ab)}`);
          }),
          { numRuns: 150 },
        );
      },
    );

    suite.test(
      {
        points: 4,
        category: 'api',
        name: 'the OR-set refuses states that are not well-formed and counters out of range, accepts states that are not compact, and changes nothing when it refuses',
        clauses: ['CRDT-0.1', 'CRDT-2.6', 'CRDT-2.4', 'CRDT-0.4'],
        hint: 'README, task 2 and types.ts: well-formed means dots are positive safe integers, every element has one, none twice, all in the context.',
      },
      () => {
        const { OrSet } = suite.impl();
        const MAX = Number.MAX_SAFE_INTEGER;
        const dot = (replica: string, counter: number): Dot => ({ replica, counter });
        const state = (entries: [string, Dot[]][], vv: [string, number][], cloud: Dot[] = []): OrSetState => ({ entries: new Map(entries), context: { vv: new Map(vv), cloud } });
        const malformed: [string, OrSetState][] = [];
        for (const n of [0, -1, 1.5, Number.NaN, MAX + 1, Number.POSITIVE_INFINITY]) {
          malformed.push([`a dot counter ${n} under an element`, state([['q', [dot('a', n)]]], [['a', 3]], [dot('a', n)])]);
          // A vv of 3 holds every counter up to 3 by comparison, 0 and 1.5 too: the counter itself must be checked.
          malformed.push([`a dot counter ${n} under an element, the vv above it`, state([['q', [dot('a', n)]]], [['a', 3]])]);
          malformed.push([`a vv entry ${n}`, state([], [['a', n]])]);
          malformed.push([`a cloud dot counter ${n}`, state([], [], [dot('a', n)])]);
        }
        malformed.push(['an element with no dots', state([['q', []]], [['a', 2]])]);
        malformed.push(['a dot under an element that its context does not hold', state([['q', [dot('a', 5)]]], [['a', 2]], [dot('a', 7)])]);
        malformed.push(['one dot under two elements', state([['q', [dot('a', 1)]], ['w', [dot('a', 1)]]], [['a', 2]])]);
        malformed.push(['one dot twice under one element', state([['q', [dot('a', 2), dot('a', 2)]]], [['a', 2]])]);
        for (const [what, bad] of malformed) {
          // Each also with a context that covers the replica's own dots, so a merge that starts before it has checked
          // everything would already have dropped 'q'.
          const covering: OrSetState = { entries: bad.entries, context: { vv: new Map([...bad.context.vv, ['r', 3]]), cloud: bad.context.cloud } };
          for (const [how, state] of [['', bad], [' and a context covering the replica’s dots', covering]] as const) {
            const r = new OrSet('r');
            r.add('x');
            r.add('q');
            r.remove('x');
            const before = r.state();
            expectRangeError(`OrSet.merge of a state with ${what}${how}`, () => r.merge(state));
            expectSetState(r.state(), before, `the replica after refusing a state with ${what}${how}`);
            expect(sortedValue(r.value()), `the replica's value after refusing a state with ${what}${how}`).toEqual(['q']);
          }
        }
        // Dots of replicas "a" and "a1": (a, 12) and (a1, 2) are two dots, however a key is spelled.
        const twelve = state([['x', [dot('a', 12)]]], [], [dot('a', 12)]);
        const two = state([['y', [dot('a1', 2)]]], [['a1', 2]]);
        const w = new OrSet('w');
        w.merge(twelve);
        w.merge(two);
        expectSetState(w.state(), ModelSet.of(state([['x', [dot('a', 12)]], ['y', [dot('a1', 2)]]], [['a1', 2]], [dot('a', 12)])).state(), 'merging (a, 12) under x and (a1, 2) under y');
        const both = state([['x', [dot('a', 12)]], ['y', [dot('a1', 2)]]], [], [dot('a', 12), dot('a1', 2)]);
        const w2 = new OrSet('w');
        w2.merge(both);
        expectSetState(w2.state(), ModelSet.of(both).state(), 'merging one state with (a, 12) under x and (a1, 2) under y');
        w.merge(state([], [['a1', 2]]));
        expect(sortedValue(w.value()), 'then merging a state that saw (a1, 2) and dropped it: y goes, x stays').toEqual(['x']);
        // Well-formed but not compact: cloud dots at or below vv + 1, one twice. Merged as the dots they name.
        const loose = state([['q', [dot('a', 3)]]], [['a', 1]], [dot('a', 1), dot('a', 2), dot('a', 3), dot('a', 3), dot('b', 1)]);
        const r = new OrSet('r');
        r.merge(loose);
        expectSetState(r.state(), ModelSet.of(loose).state(), 'merging a well-formed state that is not compact');
        // Both ends of a counter: MAX_SAFE_INTEGER is a dot; this replica's own at MAX_SAFE_INTEGER leaves no dot to mint.
        const far = state([['q', [dot('r', MAX)]]], [], [dot('r', MAX)]);
        const s = new OrSet('r');
        s.merge(far);
        expectSetState(s.state(), ModelSet.of(far).state(), 'merging a dot with counter MAX_SAFE_INTEGER');
        expectRangeError('OrSet.add at a replica whose greatest own counter is MAX_SAFE_INTEGER', () => s.add('w'));
        expectSetState(s.state(), ModelSet.of(far).state(), 'the replica after refusing an add past MAX_SAFE_INTEGER');
        // A vv at MAX_SAFE_INTEGER names that many dots: a merge must not list them one by one.
        const full = new OrSet('r');
        full.add('x');
        full.add('y');
        const everything = state([['z', [dot('q', 3)]]], [['r', MAX], ['q', 3]]);
        full.merge(everything);
        const joined = ModelSet.of(everything);
        expectSetState(full.state(), joined.state(), 'merging a state whose vv holds every counter of this replica and of another');
        expectRangeError('OrSet.add at a replica whose vv entry is MAX_SAFE_INTEGER', () => full.add('w'));
        // The next counter is one past the greatest own counter in the cloud, too.
        const u = new OrSet('u');
        u.merge(state([], [['u', 2]], [dot('u', 50)]));
        expect(u.add('z').entries.get('z'), 'add after the context holds (u, 50) in its cloud').toEqual([dot('u', 51)]);
        // A remove of an absent element: the empty delta, and no change.
        const v = new OrSet('v');
        v.add('x');
        const empty = v.remove('absent');
        expectSetState(empty, state([], []), 'remove of an absent element returns the empty delta');
        expect(sortedValue(v.value()), 'remove of an absent element changes nothing').toEqual(['x']);
      },
    );

    suite.test(
      {
        points: 3,
        category: 'correctness',
        name: 'what the OR-set hands out and what it merged are the caller’s: changing them changes nothing else',
        clauses: ['CRDT-0.2', 'CRDT-2.3'],
        hint: 'README, "These rules hold for the whole exercise": new Maps, arrays and dots out; copies of what merge keeps.',
      },
      () => {
        const { OrSet } = suite.impl();
        const r = new OrSet('r');
        const m = new ModelSet('r');
        const spoil = (s: OrSetState) => {
          for (const dots of s.entries.values()) for (const d of dots as Dot[]) (d as { counter: number }).counter += 100;
          for (const dots of s.entries.values()) (dots as Dot[]).push({ replica: 'zz', counter: 1 });
          (s.entries as Map<string, Dot[]>).set('spoiled', [{ replica: 'zz', counter: 9 }]);
          (s.context.vv as Map<string, number>).set('zz', 40);
          (s.context.cloud as Dot[]).push({ replica: 'yy', counter: 5 });
          for (const d of s.context.cloud) (d as { counter: number }).counter += 7;
        };
        spoil(r.add('x'));
        m.add('x');
        spoil(r.add('y'));
        m.add('y');
        spoil(r.add('x'));
        m.add('x');
        spoil(r.remove('y'));
        m.remove('y');
        spoil(r.state());
        (r.value() as Set<string>).add('spoiled');
        (r.value() as Set<string>).delete('x');
        expectSetState(r.state(), m.state(), 'after the caller changed the deltas, state and value it got');
        expect(sortedValue(r.value()), 'value() after the caller changed what value() returned').toEqual(sortedValue(m.value()));
        // A remove of an absent element: each returns an empty delta of its own.
        const none = r.remove('absent');
        spoil(none);
        (none.entries as Map<string, Dot[]>).set('spoiled', [{ replica: 'zz', counter: 1 }]);
        expectSetState(r.remove('absent'), { entries: new Map(), context: { vv: new Map(), cloud: [] } }, 'a second remove of an absent element, after the caller changed the first one’s delta');
        // Merged states: the replica keeps copies. A cloud dot, so the merged context has one to share.
        const other = new ModelSet('o');
        other.add('w');
        other.add('v');
        other.remove('w');
        const given = other.state();
        const gap: OrSetState = { entries: new Map([['g', [{ replica: 'p', counter: 3 }]]]), context: { vv: new Map(), cloud: [{ replica: 'p', counter: 3 }] } };
        r.merge(given);
        r.merge(gap);
        m.joinState(other.state());
        m.joinState({ entries: new Map([['g', [{ replica: 'p', counter: 3 }]]]), context: { vv: new Map(), cloud: [{ replica: 'p', counter: 3 }] } });
        spoil(given);
        spoil(gap);
        expectSetState(r.state(), m.state(), 'after the caller changed states it had merged');
      },
    );
  },
  { part: 2 },
);
